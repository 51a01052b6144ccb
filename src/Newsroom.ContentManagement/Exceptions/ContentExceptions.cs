namespace Newsroom.ContentManagement;

/// <summary>
/// A save was based on a version that is no longer the latest: someone else changed the item.
/// Nothing was written. <see cref="ModifiedBy"/> and <see cref="ModifiedUtc"/> say who and when.
/// </summary>
public sealed class ContentConcurrencyException(string contentItemId, string? modifiedBy, DateTime? modifiedUtc, string currentStamp)
    : Exception($"Content item {contentItemId} was changed by {modifiedBy ?? "someone else"} at {modifiedUtc:u} since it was loaded; reload it and apply your change again.")
{
    public string ContentItemId { get; } = contentItemId;

    public string? ModifiedBy { get; } = modifiedBy;

    public DateTime? ModifiedUtc { get; } = modifiedUtc;

    /// <summary>The stamp of the version that is now the latest.</summary>
    public string CurrentStamp { get; } = currentStamp;
}

/// <summary>Handlers refused the item; nothing was written. Each error names the field.</summary>
public sealed class ContentValidationException(IReadOnlyList<ContentValidationError> errors)
    : Exception("The content is not valid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<ContentValidationError> Errors { get; } = errors;
}

public sealed record ContentValidationError(string Field, string Message);

public sealed class ContentNotFoundException(string contentItemId)
    : Exception($"Content item {contentItemId} does not exist.")
{
    public string ContentItemId { get; } = contentItemId;
}

public sealed class ContentTypeNotFoundException(string contentType)
    : Exception($"Content type '{contentType}' is not defined.")
{
    public string ContentType { get; } = contentType;
}
