using System.Reflection;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Newsroom.DisplayManagement.Rendering;

/// <summary>
/// Makes the <see cref="ViewDataDictionary{TModel}"/> of a page's <c>@model</c> type. A partial
/// rendered through <c>Html.PartialAsync</c> copies the parent's view data to an object-typed
/// dictionary and the page activator copies it again to the model's type; shapes skip the first copy.
/// </summary>
internal static class ShapeViewData
{
    private static readonly MethodInfo s_create = typeof(ShapeViewData).GetMethod(nameof(Create), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static Func<ViewDataDictionary, object, ViewDataDictionary> For(Type pageType)
    {
        var model = ModelTypeOf(pageType) ?? typeof(object);
        return s_create.MakeGenericMethod(model).CreateDelegate<Func<ViewDataDictionary, object, ViewDataDictionary>>();
    }

    private static ViewDataDictionary<TModel> Create<TModel>(ViewDataDictionary parent, object model) => new(parent, model);

    private static Type? ModelTypeOf(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(RazorPage<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }
}
