using BenchmarkDotNet.Attributes;
using Newsroom.Articles.Models;
using Newsroom.Benchmarks.Corpus;
using Newsroom.ContentManagement;

namespace Newsroom.Benchmarks.Micro;

/// <summary>Turning a stored version's JSON into typed parts: what every article render starts with.</summary>
[MemoryDiagnoser]
public class ContentDeserializeBenchmarks
{
    private string _json = "";
    private ContentItem _item = new();

    [GlobalSetup]
    public void Setup()
    {
        var factory = new ArticleFactory();
        _item = factory.Article(1, ["world"], [factory.NewId()], [factory.NewId(), factory.NewId()], [factory.NewId(), factory.NewId(), factory.NewId()]);
        _json = _item.SerializeContent();
    }

    [Benchmark(Description = "LoadContent + As<ArticlePart> + As<BodyPart>")]
    public int LoadAndDeserialise()
    {
        var item = new ContentItem();
        item.LoadContent(_json);
        return item.As<ArticlePart>().Headline.Length + item.As<BodyPart>().Blocks.Count;
    }

    [Benchmark(Description = "SerializeContent (save path)")]
    public int Serialise() => _item.SerializeContent().Length;
}
