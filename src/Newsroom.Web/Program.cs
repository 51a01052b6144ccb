using Newsroom.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
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
