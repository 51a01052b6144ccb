using Microsoft.EntityFrameworkCore;

namespace Newsroom.Data;

/// <summary>
/// Adds a module's entities (its index tables) to the one EF Core model. Contributors are found in
/// every module's assembly, enabled or not, so the model is the same whatever the features; the
/// tables themselves are created by the module's <see cref="DataMigration"/>.
/// </summary>
/// <example>
/// <code>
/// public sealed class ArticleModel : IModelContributor
/// {
///     public void Configure(ModelBuilder model) =>
///         model.Entity&lt;ArticleIndex&gt;(e => { e.ToTable("ArticleIndex"); e.HasKey(x => x.Id); });
/// }
/// </code>
/// </example>
public interface IModelContributor
{
    void Configure(ModelBuilder model);
}
