using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Newsroom.Testing;

namespace Newsroom.Workflow.Tests;

/// <summary>
/// One visitor of a site: keeps its cookies, never follows redirects, and posts forms with the
/// antiforgery token read from a page it was given.
/// </summary>
public sealed partial class WebClient(NewsroomSite site)
{
    public const string SessionCookie = ".Newsroom.Session";

    /// <summary>A page every signed-in user can open that carries an antiforgery token.</summary>
    public const string TokenPage = "/account/password";

    private readonly HttpClient _http = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    public async Task<Page> GetAsync(string url) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    public async Task<Page> PostAsync(string url, IEnumerable<KeyValuePair<string, string>>? fields = null, string tokenPage = TokenPage)
    {
        var page = await GetAsync(tokenPage);
        var token = page.AntiforgeryToken ?? throw new InvalidOperationException($"No antiforgery token on {tokenPage} ({(int)page.Status}).");
        return await PostWithoutTokenAsync(url, (fields ?? []).Append(new("__RequestVerificationToken", token)));
    }

    public async Task<Page> PostWithoutTokenAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });

    public async Task SignInAsync(string userName, string password)
    {
        var answer = await PostAsync("/login", [new("UserName", userName), new("Password", password), new("ReturnUrl", "")], "/login");
        if (answer.Status != HttpStatusCode.Redirect || !Cookies.ContainsKey(SessionCookie))
        {
            throw new InvalidOperationException($"{userName} could not sign in: {(int)answer.Status}.");
        }
    }

    private async Task<Page> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            if (Cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            using var response = await _http.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var header in setCookies)
                {
                    var pair = header.Split(';')[0];
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    var name = pair[..eq].Trim();
                    var value = pair[(eq + 1)..].Trim();
                    if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                    {
                        Cookies.Remove(name);
                    }
                    else
                    {
                        Cookies[name] = value;
                    }
                }
            }

            var body = await response.Content.ReadAsStringAsync();
            return new Page(response.StatusCode, response.Headers.Location?.OriginalString, body, response.Headers);
        }
    }

    public sealed record Page(HttpStatusCode Status, string? Location, string Body, System.Net.Http.Headers.HttpResponseHeaders Headers)
    {
        public string? AntiforgeryToken => TokenPattern().Match(Body) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

        public string Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
