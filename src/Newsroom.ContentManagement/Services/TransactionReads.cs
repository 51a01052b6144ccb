using Newsroom.ContentManagement.Records;

namespace Newsroom.ContentManagement;

/// <summary>
/// What one transaction has read about items: which exist (latest version, not deleted) as which
/// type, and their published version row. A batch import's items check the same bylines, ad slots
/// and link targets again and again; inside one transaction each is asked once. Only the content
/// manager writes version rows, and it forgets an item around every write of it, so a read never
/// returns what the transaction has since changed. Another transaction starts empty.
/// </summary>
internal sealed class TransactionReads
{
    private object? _transaction;

    /// <summary>Content type by id; null when the id has no live latest version.</summary>
    public Dictionary<string, string?> LatestTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>Published version row by id; null when the id has none.</summary>
    public Dictionary<string, ContentItemRecord?> Published { get; } = new(StringComparer.Ordinal);

    /// <summary>True when reads may be kept: inside <paramref name="transaction"/> (null: none open).</summary>
    public bool Enter(object? transaction)
    {
        if (!ReferenceEquals(transaction, _transaction))
        {
            LatestTypes.Clear();
            Published.Clear();
            _transaction = transaction;
        }

        return transaction is not null;
    }

    public void Forget(string contentItemId)
    {
        LatestTypes.Remove(contentItemId);
        Published.Remove(contentItemId);
    }
}
