using System.Buffers.Binary;
using System.Text;
using Newsroom.Advertising.Models;
using Newsroom.Articles.Models;
using Newsroom.Bylines.Models;
using Newsroom.ContentManagement;
using Newsroom.RelatedLinks.Models;

namespace Newsroom.Benchmarks.Corpus;

/// <summary>
/// Builds realistic content items, shaped like the seed article: headline, dek, lead image, one or two
/// bylines, an ad slot at the top, about eight paragraphs of 40–70 words, a subheading, 2–4 "Read:"
/// links to earlier articles, a closing ad slot. Seeded, so the same N gives the same corpus.
/// </summary>
public sealed class ArticleFactory(int seed = 20201003)
{
    private readonly Random _random = new(seed);

    /// <summary>A publish instant in the past; article i is published 7 minutes after article i-1.</summary>
    private static readonly DateTime s_origin = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] s_places =
        ["Yerevan", "Baku", "Delhi", "Mumbai", "Geneva", "Moscow", "Paris", "Chennai", "Kolkata", "Ankara", "Tbilisi", "Dhaka", "Colombo", "Kathmandu", "Nairobi", "Jakarta", "Berlin", "Madrid", "Lagos", "Lima"];

    private static readonly string[] s_actors =
        ["the prime minister", "the foreign ministry", "opposition leaders", "the central bank", "the state government", "the high court", "regional officials",
         "the election commission", "trade unions", "the health ministry", "mediators", "the city council", "farmers' groups", "the defence ministry", "industry bodies"];

    private static readonly string[] s_verbs =
        ["called for", "rejected", "announced", "welcomed", "questioned", "postponed", "approved", "warned against", "pushed for", "criticised", "backed", "reviewed"];

    private static readonly string[] s_objects =
        ["a ceasefire along the line of contact", "new rules for monsoon relief", "a revised budget for the water board", "talks without preconditions",
         "a ban on single-use plastics", "higher minimum support prices", "an inquiry into the bridge collapse", "a new metro line", "emergency funding for hospitals",
         "a review of the tax on fuel", "a plan to expand rural broadband", "an early vote on the bill", "a joint statement on the border", "a humanitarian corridor",
         "tighter checks on imports", "the merger of two state banks", "a curfew in the old city", "new tariffs on steel"];

    private static readonly string[] s_clauses =
        ["according to a statement released on Friday", "amid growing pressure from the public", "after a week of closed-door meetings",
         "despite objections from several member states", "as the deadline approached", "in a move that surprised analysts",
         "while officials declined to give a timeline", "citing figures from the last quarter", "though details remained unclear",
         "after reports of casualties near the border", "as talks resumed in the capital", "following a phone call between the two leaders"];

    private static readonly string[] s_details =
        ["Officials said the measures would be reviewed within thirty days.", "Neither side named a source for the claims, which could not be independently verified.",
         "Diplomats said a joint statement was being prepared.", "The decision is expected to affect several million households.",
         "Markets reacted cautiously in early trading.", "Local reporters described long queues outside government offices.",
         "The ministry said it would publish the full figures next week.", "Critics said the plan did not go far enough.",
         "Residents told reporters they had not been consulted.", "The proposal will now go to a parliamentary committee.",
         "Observers called for calm and for the resumption of talks.", "A spokesperson said more announcements would follow."];

    private static readonly string[] s_subheadings =
        ["What happens next", "Decades-old stand-off", "Reaction at home", "A long road to talks", "The numbers behind the decision", "Pressure from abroad", "Voices from the ground"];

    private static readonly string[] s_images =
        ["ceasefire-table.jpg", "circuit-board.jpg", "cricket-ground.jpg", "desalination-plant.jpg", "diplomacy-circles.jpg", "football-pitch.jpg", "government-dusk.jpg",
         "karabakh-map.jpg", "market-chart.jpg", "monsoon-fields.jpg", "night-bus.jpg", "port-containers.jpg", "running-track.jpg", "satellite-orbit.jpg", "textile-weave.jpg", "water-tanker.jpg"];

    private static readonly string[] s_firstNames =
        ["Kunal", "Mirela", "Asha", "Rohan", "Leila", "Tomas", "Priya", "Arjun", "Nadia", "Samir", "Ines", "Vikram", "Meera", "David", "Anya", "Farid", "Lucia", "Ravi", "Zara", "Omar"];

    private static readonly string[] s_lastNames =
        ["Gaurav", "Sundaram", "Menon", "Kapoor", "Haddad", "Novak", "Iyer", "Bose", "Karimova", "Rahman", "Costa", "Rao", "Pillai", "Levin", "Petrova", "Aliyev", "Ortiz", "Nair", "Sheikh", "Das"];

    private static readonly string[] s_roles = ["Reporter", "Correspondent", "Senior Editor", "Staff Writer", "Columnist"];

    public static string[] Tags { get; } = BuildTags();

    public string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes).ToString("N");
    }

    /// <summary>
    /// An id shaped like the content manager's own (<see cref="Guid.CreateVersion7(DateTimeOffset)"/>: the
    /// creation time first, so ids sort by age) but seeded. Random ids would scatter every insert
    /// across each index keyed by id, a write pattern no Newsroom site has.
    /// </summary>
    public string NewId(DateTime created)
    {
        Span<byte> bytes = stackalloc byte[16];
        // The 48-bit Unix time in milliseconds, big-endian, in bytes 0–5; 6–15 random.
        BinaryPrimitives.WriteInt64BigEndian(bytes, new DateTimeOffset(created).ToUnixTimeMilliseconds() << 16);
        _random.NextBytes(bytes[6..]);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true).ToString("N");
    }

    public ContentItem Byline(int index)
    {
        var name = $"{s_firstNames[index % s_firstNames.Length]} {s_lastNames[index / s_firstNames.Length % s_lastNames.Length]}";
        if (index >= s_firstNames.Length * s_lastNames.Length)
        {
            name += $" {index}";
        }

        var slug = Slugify(name) + (index >= s_firstNames.Length ? $"-{index}" : "");
        var item = NewItem("Byline", name, s_origin.AddDays(-30));
        item.Apply(new BylinePart
        {
            Name = name,
            Slug = slug,
            Role = s_roles[index % s_roles.Length],
            Bio = $"{name} reports for the {s_places[index % s_places.Length]} bureau. {Pick(s_details)}",
            Links = [new BylineLink { Label = "Website", Url = $"https://example.com/bylines/{slug}" }],
        });
        return item;
    }

    public ContentItem AdSlot(string name, string size, AdPlacement placement)
    {
        var dims = size.Split('x');
        var item = NewItem("AdvertisementSlot", name, s_origin.AddDays(-30));
        item.Apply(new AdvertisementSlotPart
        {
            Name = name,
            Sizes = [size],
            Placement = placement,
            HouseAd = new HouseAd
            {
                ImageSrc = size == "728x90" ? "/media/sample/house-ad-728x90.png" : "/media/sample/house-ad-300x250.png",
                Width = int.Parse(dims[0], System.Globalization.CultureInfo.InvariantCulture),
                Height = int.Parse(dims[1], System.Globalization.CultureInfo.InvariantCulture),
                LinkUrl = "/",
                Alt = "Subscribe to The Newsroom Herald",
            },
        });
        return item;
    }

    /// <param name="index">Position in the corpus; decides the publish instant (later index, newer article).</param>
    /// <param name="earlier">Ids of articles already generated, targets of the related links.</param>
    public ContentItem Article(int index, IReadOnlyList<string> sections, IReadOnlyList<string> bylineIds, IReadOnlyList<string> adSlotIds, IReadOnlyList<string> earlier)
    {
        var place = Pick(s_places);
        var actor = Pick(s_actors);
        var headline = $"{place}: {Capitalize(actor)} {Pick(s_verbs)} {Pick(s_objects)}";
        var published = s_origin.AddMinutes(7 * index);
        var item = NewItem("Article", headline, published);
        var section = sections.Count == 0 ? null : sections[index % sections.Count];
        var tags = Enumerable.Range(0, _random.Next(2, 5)).Select(_ => Pick(Tags)).Distinct().ToList();
        var dek = $"{Capitalize(actor)} in {place} {Pick(s_verbs)} {Pick(s_objects)}, {Pick(s_clauses)}.";
        item.Apply(new ArticlePart
        {
            Headline = headline,
            Dek = dek,
            Slug = $"{Slugify(headline)}-{index}",
            Section = section,
            Tags = tags,
            PublishedUtc = published,
            UpdatedUtc = published,
            SeoTitle = headline,
            SeoDescription = dek,
        });
        var image = Pick(s_images);
        item.Apply(new LeadImagePart
        {
            Src = $"/media/sample/{image}",
            Width = 1200,
            Height = 675,
            Alt = $"Illustration: {image.Replace('-', ' ')[..^4]}",
            Caption = $"{place}, in an illustration. (Illustration)",
            Credit = "self",
        });
        var bylines = new List<string> { bylineIds[index % bylineIds.Count] };
        if (index % 5 == 0 && bylineIds.Count > 1)
        {
            bylines.Add(bylineIds[(index * 7 + 3) % bylineIds.Count]);
        }

        item.Apply(new BylinesPart { BylineIds = bylines.Distinct().ToList() });
        item.Apply(new BodyPart { Blocks = Body(place, adSlotIds, earlier) });
        return item;
    }

    private List<BodyBlock> Body(string place, IReadOnlyList<string> adSlotIds, IReadOnlyList<string> earlier)
    {
        var blocks = new List<BodyBlock>();
        if (adSlotIds.Count > 0)
        {
            blocks.Add(new AdSlotBlock { SlotId = adSlotIds[0] });
        }

        var paragraphs = _random.Next(7, 10);
        var links = earlier.Count == 0 ? 0 : _random.Next(2, 5);
        for (var p = 0; p < paragraphs; p++)
        {
            blocks.Add(new ParagraphBlock { Html = Paragraph(place, p) });
            if (p == paragraphs / 2 - 1)
            {
                // "Read:" links come in pairs before the subheading, like the seed.
                for (var l = 0; l < Math.Min(2, links); l++)
                {
                    blocks.Add(Link(earlier));
                }

                blocks.Add(new SubheadingBlock { Text = Pick(s_subheadings) });
            }
        }

        for (var l = 2; l < links; l++)
        {
            blocks.Add(Link(earlier));
        }

        if (adSlotIds.Count > 1)
        {
            blocks.Add(new AdSlotBlock { SlotId = adSlotIds[1] });
        }

        return blocks;
    }

    private RelatedLinkBlock Link(IReadOnlyList<string> earlier) =>
        new() { TargetContentItemId = earlier[_random.Next(Math.Max(0, earlier.Count - 2000), earlier.Count)] };

    private string Paragraph(string place, int position)
    {
        var text = new StringBuilder();
        var sentences = _random.Next(2, 4);
        for (var s = 0; s < sentences; s++)
        {
            if (s > 0)
            {
                text.Append(' ');
            }

            if (s == 0 && position == 0)
            {
                text.Append($"Officials in {place} said on {_random.Next(1, 29)} {Pick(s_months)} that {Pick(s_actors)} had {Pick(s_verbs)} {Pick(s_objects)}, {Pick(s_clauses)}.");
            }
            else if (_random.Next(3) == 0)
            {
                text.Append(Pick(s_details));
            }
            else
            {
                text.Append($"{Capitalize(Pick(s_actors))} {Pick(s_verbs)} {Pick(s_objects)}, {Pick(s_clauses)}, and <em>{Pick(s_actors)}</em> {Pick(s_verbs)} {Pick(s_objects)}.");
            }
        }

        return text.ToString();
    }

    private static readonly string[] s_months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private ContentItem NewItem(string type, string displayText, DateTime published) => new()
    {
        ContentItemId = NewId(published),
        ContentItemVersionId = NewId(published),
        ContentType = type,
        DisplayText = displayText,
        Published = true,
        Owner = "admin",
        Author = "admin",
        CreatedUtc = published,
        ModifiedUtc = published,
        PublishedUtc = published,
    };

    private T Pick<T>(T[] values) => values[_random.Next(values.Length)];

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Lower-case ASCII words joined by hyphens. The content helper's SlugGenerator replaces this once it lands.</summary>
    public static string Slugify(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length > 80 ? result[..80].TrimEnd('-') : result;
    }

    private static string[] BuildTags()
    {
        string[] topics = ["Ceasefire", "Diplomacy", "Elections", "Monsoon", "Markets", "Cricket", "Football", "Budget", "Health", "Education", "Water", "Energy", "Transport", "Courts", "Climate"];
        return topics.Concat(s_places).Concat(topics.SelectMany(t => s_places.Take(10).Select(p => $"{t} in {p}"))).ToArray();
    }
}
