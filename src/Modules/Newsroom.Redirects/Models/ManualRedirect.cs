using Microsoft.EntityFrameworkCore;
using Newsroom.Data;

namespace Newsroom.Redirects.Models;

/// <summary>A redirect an administrator added: requests for <see cref="Path"/> go to <see cref="Target"/>.</summary>
public sealed class ManualRedirect
{
    /// <summary>A local path starting with <c>/</c>, without query string.</summary>
    public string Path { get; set; } = "";

    /// <summary>A local path, or an absolute http(s) URL.</summary>
    public string Target { get; set; } = "";

    /// <summary>301 when true, else 302.</summary>
    public bool Permanent { get; set; } = true;

    public DateTime CreatedUtc { get; set; }
}

internal sealed class RedirectModel : IModelContributor
{
    public void Configure(ModelBuilder model) =>
        model.Entity<ManualRedirect>(e =>
        {
            e.ToTable("Redirects");
            e.HasKey(x => x.Path);
        });
}
