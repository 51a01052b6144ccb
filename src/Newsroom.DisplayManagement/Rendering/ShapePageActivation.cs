using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Razor.Internal;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;

namespace Newsroom.DisplayManagement.Rendering;

/// <summary>
/// Sets a shape page's injected properties (its <c>@inject</c>s and the default <c>Html</c>,
/// <c>Json</c>, <c>Component</c>, <c>Url</c>, <c>ModelExpressionProvider</c> and <c>ViewData</c>)
/// with the same values MVC's <see cref="IRazorPageActivator"/> gives them, through one compiled
/// delegate per template. MVC's activator looks the page type up and then sets each property through
/// a shared setter delegate with a generic cast; a page renders 25 to 100 shapes of six or more
/// properties each, and that came to about 3 % of an article page.
/// </summary>
internal static class ShapePageActivation
{
    private static readonly MethodInfo s_service = typeof(ShapePageActivation).GetMethod(nameof(Service), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo s_keyedService = typeof(ShapePageActivation).GetMethod(nameof(KeyedService), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo s_urlHelper = typeof(ShapePageActivation).GetMethod(nameof(UrlHelper), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static Action<IRazorPage, ViewContext> For(Type pageType)
    {
        var page = Expression.Parameter(typeof(IRazorPage), "page");
        var context = Expression.Parameter(typeof(ViewContext), "context");
        var typed = Expression.Variable(pageType, "typed");
        var body = new List<Expression> { Expression.Assign(typed, Expression.Convert(page, pageType)) };

        // The properties MVC's activator sets: [RazorInject], settable, not indexers, declared anywhere up the hierarchy.
        foreach (var property in pageType.GetRuntimeProperties())
        {
            if (property.GetCustomAttribute<RazorInjectAttribute>() is not { } inject
                || property.GetIndexParameters().Length > 0
                || property.SetMethod is not { IsStatic: false })
            {
                continue;
            }

            Expression value = inject.Key is { } key
                ? Expression.Call(s_keyedService, context, Expression.Constant(property.PropertyType), Expression.Constant(key))
                : typeof(ViewDataDictionary).IsAssignableFrom(property.PropertyType)
                    ? Expression.Property(context, nameof(ViewContext.ViewData))
                    : property.PropertyType == typeof(IUrlHelper)
                        ? Expression.Call(s_urlHelper, context)
                        : Expression.Call(s_service, context, Expression.Constant(property.PropertyType));
            body.Add(Expression.Assign(Expression.Property(typed, property), Expression.Convert(value, property.PropertyType)));
        }

        return Expression.Lambda<Action<IRazorPage, ViewContext>>(Expression.Block([typed], body), page, context).Compile();
    }

    private static object Service(ViewContext context, Type type)
    {
        var value = context.HttpContext.RequestServices.GetRequiredService(type);
        (value as IViewContextAware)?.Contextualize(context);
        return value;
    }

    private static object KeyedService(ViewContext context, Type type, object key)
    {
        var value = context.HttpContext.RequestServices.GetRequiredKeyedService(type, key);
        (value as IViewContextAware)?.Contextualize(context);
        return value;
    }

    private static IUrlHelper UrlHelper(ViewContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<IUrlHelperFactory>().GetUrlHelper(context);
}
