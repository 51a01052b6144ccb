using Microsoft.AspNetCore.Http;

namespace Newsroom.Modules.Shells;

/// <summary>
/// A shell singleton that may answer a request before the shell creates its request scope and runs
/// its pipeline (routing, authentication, MVC): for answers that need none of that, such as a page
/// already rendered for anonymous readers. It must not use <see cref="HttpContext.RequestServices"/>
/// (those are still the host's) and must return false, having written nothing, when it does not answer.
/// </summary>
public interface IShellRequestShortcut
{
    /// <summary>True when the response has been written.</summary>
    ValueTask<bool> TryServeAsync(HttpContext context);
}
