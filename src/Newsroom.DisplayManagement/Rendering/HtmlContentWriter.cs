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
    private readonly Pieces _content = new();

    /// <summary>What was written, as HTML.</summary>
    public IHtmlContent Content => _content;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => _content.Add(value.ToString());

    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _content.Add(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        if (count > 0)
        {
            _content.Add(new string(buffer, index, count));
        }
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (!buffer.IsEmpty)
        {
            _content.Add(buffer.ToString());
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

    /// <summary>
    /// The written strings as they are: an <see cref="HtmlContentBuilder"/> would wrap each in an
    /// <see cref="HtmlString"/>, one more object per piece of every shape.
    /// </summary>
    private sealed class Pieces : IHtmlContent
    {
        private readonly List<string> _pieces = new(8);

        public void Add(string html) => _pieces.Add(html);

        public void WriteTo(TextWriter writer, System.Text.Encodings.Web.HtmlEncoder encoder)
        {
            foreach (var piece in _pieces)
            {
                writer.Write(piece);
            }
        }
    }
}
