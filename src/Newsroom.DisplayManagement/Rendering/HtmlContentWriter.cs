using System.Text;
using Microsoft.AspNetCore.Html;

namespace Newsroom.DisplayManagement.Rendering;

/// <summary>
/// A writer that keeps what a view writes as HTML pieces (references to its strings, not copies),
/// for a shape's output to be placed in its parent's output as one <see cref="IHtmlContent"/>.
/// Views write encoded HTML to their writer, so every piece is appended as HTML. Writes complete
/// synchronously: the base class would run each async write on the thread pool.
/// </summary>
internal sealed class HtmlContentWriter : TextWriter
{
    public HtmlContentBuilder Content { get; } = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Content.AppendHtml(value.ToString());

    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Content.AppendHtml(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        if (count > 0)
        {
            Content.AppendHtml(new string(buffer, index, count));
        }
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (!buffer.IsEmpty)
        {
            Content.AppendHtml(buffer.ToString());
        }
    }

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    public override Task FlushAsync() => Task.CompletedTask;

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
