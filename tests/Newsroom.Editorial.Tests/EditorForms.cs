using System.Net;
using Shouldly;

namespace Newsroom.Editorial.Tests;

/// <summary>The article editor's form fields as a browser posts them, and reading the id from its redirect.</summary>
public static class EditorForms
{
    public static List<KeyValuePair<string, string>> Form(string headline, string? stamp = null, string? original = null, string command = "save", params string[] paragraphs)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Headline", headline), new("command", command) };
        if (stamp is not null)
        {
            fields.Add(new("ConcurrencyStamp", stamp));
        }

        if (original is not null)
        {
            fields.Add(new("Original", original));
        }

        for (var i = 0; i < paragraphs.Length; i++)
        {
            fields.Add(new($"Blocks[{i}].Type", "paragraph"));
            fields.Add(new($"Blocks[{i}].Text", paragraphs[i]));
        }

        return fields;
    }

    public static string IdFrom(SiteClient.Page answer)
    {
        answer.Status.ShouldBe(HttpStatusCode.Redirect, answer.Body);
        var parts = answer.Location!.Split('/');
        parts[^1].ShouldBe("edit");
        return parts[^2];
    }

    /// <summary>A form an editor may publish at once: a byline and the warnings acknowledged.</summary>
    public static List<KeyValuePair<string, string>> Publishable(string headline, string bylineId, params string[] paragraphs)
    {
        var fields = Form(headline, command: "publish", paragraphs: paragraphs);
        fields.Add(new("BylineIds", bylineId));
        fields.Add(new("AcknowledgeWarnings", "true"));
        fields.Add(new("Dek", "A dek."));
        return fields;
    }
}
