using Newsroom.Web.Hosting;

// The slim builder leaves out what a Newsroom host never uses and would otherwise load and keep in
// memory: IIS integration, HTTP/3 over QUIC, hosting-startup assemblies. HTTPS endpoints given in
// configuration (Kestrel:Endpoints) keep working.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseKestrelHttpsConfiguration();
builder.Host.UseDefaultServiceProvider((context, options) =>
    options.ValidateScopes = options.ValidateOnBuild = context.HostingEnvironment.IsDevelopment());
try
{
    builder.AddNewsroom();
    var app = builder.Build();
    app.UseNewsroom();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.IsStartupError(ex))
{
    // A configuration or database problem: say what is wrong in one line, no stack trace.
    await Console.Error.WriteLineAsync($"Newsroom could not start: {StartupFailure.Describe(ex)}");
    return 1;
}

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
