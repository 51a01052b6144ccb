using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Razor.Internal;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.DisplayManagement.Rendering;

namespace Newsroom.Web.Tests;

/// <summary>Shape templates are activated without MVC's page activator: they must get what it would give them.</summary>
public sealed class ShapePageActivationTests
{
    [Fact]
    public async Task A_shape_page_gets_the_values_mvcs_page_activator_gives()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var diagnostics = new System.Diagnostics.DiagnosticListener("test");
        services.AddSingleton(diagnostics);
        services.AddSingleton<System.Diagnostics.DiagnosticSource>(diagnostics);
        services.AddControllersWithViews();
        services.AddScoped<Counter>();
        services.AddKeyedSingleton("desk", new Counter());
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var viewData = new ViewDataDictionary<Model>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = new Model() };
        var context = new ViewContext(new ActionContext(http, new RouteData(), new ActionDescriptor()), new NoView(), viewData, new TempDataDictionary(http, new NoTempData()), TextWriter.Null, new HtmlHelperOptions());

        var ours = new InjectingPage();
        ShapePageActivation.For(typeof(InjectingPage))(ours, context);
        var mvcs = new InjectingPage();
        scope.ServiceProvider.GetRequiredService<IRazorPageActivator>().Activate(mvcs, context);

        ours.ViewData.ShouldBeSameAs(viewData);
        ours.Model.ShouldBeSameAs(mvcs.Model);
        ours.Html.ShouldBeOfType(mvcs.Html.GetType());
        ours.Html.ShouldNotBeSameAs(mvcs.Html, "a transient helper per page");
        ours.Html.ViewContext.ShouldBeSameAs(context, "contextualized");
        ours.Html.ViewData.ShouldBeSameAs(viewData);
        ours.Url.ShouldBeSameAs(mvcs.Url);
        ours.Url.ActionContext.ShouldBeSameAs(context);
        ours.Component.ShouldBeOfType(mvcs.Component.GetType());
        ours.Json.ShouldBeSameAs(mvcs.Json);
        ours.ModelExpressionProvider.ShouldBeSameAs(mvcs.ModelExpressionProvider);
        ours.Scoped.ShouldBeSameAs(mvcs.Scoped);
        ours.Scoped.ShouldBeSameAs(scope.ServiceProvider.GetRequiredService<Counter>());
        ours.Keyed.ShouldBeSameAs(mvcs.Keyed);
        ours.Keyed.ShouldBeSameAs(provider.GetRequiredKeyedService<Counter>("desk"));
        ours.NotInjected.ShouldBeNull();
    }

    public sealed class Model;

    public sealed class Counter;

    // What Razor generates for a template with "@model Model", "@inject Counter Scoped" and a keyed @inject.
    public sealed class InjectingPage : RazorPage<Model>
    {
        [RazorInject]
        public IHtmlHelper<Model> Html { get; private set; } = default!;

        [RazorInject]
        public IJsonHelper Json { get; private set; } = default!;

        [RazorInject]
        public IViewComponentHelper Component { get; private set; } = default!;

        [RazorInject]
        public IUrlHelper Url { get; private set; } = default!;

        [RazorInject]
        public IModelExpressionProvider ModelExpressionProvider { get; private set; } = default!;

        [RazorInject]
        public Counter Scoped { get; private set; } = default!;

        [RazorInject(Key = "desk")]
        public Counter Keyed { get; private set; } = default!;

        public Counter? NotInjected { get; set; }

        public override Task ExecuteAsync() => Task.CompletedTask;
    }

    private sealed class NoView : IView
    {
        public string Path => "/Views/Shapes/Test.cshtml";

        public Task RenderAsync(ViewContext context) => Task.CompletedTask;
    }

    private sealed class NoTempData : ITempDataProvider
    {
        public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>();

        public void SaveTempData(HttpContext context, IDictionary<string, object> values)
        {
        }
    }
}
