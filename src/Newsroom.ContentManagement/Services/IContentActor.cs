using Microsoft.AspNetCore.Http;

namespace Newsroom.ContentManagement;

/// <summary>Who is acting: recorded as a version's author and a new item's owner.</summary>
public interface IContentActor
{
    string Name { get; }
}

/// <summary>The signed-in user of the current request, or "system" for background work and recipes.</summary>
public sealed class HttpContentActor(IHttpContextAccessor accessor) : IContentActor
{
    public const string System = "system";

    public string Name => accessor.HttpContext?.User.Identity is { IsAuthenticated: true, Name: { } name } ? name : System;
}
