using System.Text;
using Microsoft.AspNetCore.Html;

namespace Newsroom.DisplayManagement.Rendering;

/// <summary>
/// A writer that keeps what a view writes as HTML pieces (references to its strings, not copies),
/// for a shape's output to be placed in its parent's output as one <see cref="IHtmlContent"/>.
/// Views write encoded HTML to their writer, so every piece is appended as HTML. Writes complete
/// synchronously: the base class would run each async write on the thread pool.
/// </summary>
internal sealed class HtmlContentWriter(int capacity = 8) : TextWriter
{
    private readonly Pieces _content = new(capacity);

    /// <summary>How many pieces were written (a nested shape's output counts as one).</summary>
    public int Count => _content.Count;

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
    /// <see cref="HtmlString"/>, one more object per piece of every shape. A shape placed in another
    /// is kept by reference: Razor writes nested content through <see cref="IHtmlContent.WriteTo"/>,
    /// which here adds the child's pieces as one entry instead of copying them into the parent (a
    /// summary's shapes nest four deep; copying grew a list at every level).
    /// </summary>
    private sealed class Pieces(int capacity) : IHtmlContent
    {
        // Strings and nested Pieces, in the order written.
        private readonly List<object> _pieces = new(capacity);

        public int Count => _pieces.Count;

        public void Add(string html) => _pieces.Add(html);

        public void WriteTo(TextWriter writer, System.Text.Encodings.Web.HtmlEncoder encoder)
        {
            if (writer is HtmlContentWriter parent)
            {
                parent._content._pieces.Add(this);
                return;
            }

            foreach (var piece in _pieces)
            {
                if (piece is string html)
                {
                    writer.Write(html);
                }
                else
                {
                    ((Pieces)piece).WriteTo(writer, encoder);
                }
            }
        }
    }
}
