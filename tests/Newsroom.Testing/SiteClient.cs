using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Newsroom.Testing;

/// <summary>
/// A browser-like HTTP client for one visitor: keeps its own cookies (so a test can copy and replay
/// them), never follows redirects, and posts forms with the antiforgery token read from a page.
/// </summary>
public sealed partial class SiteClient(NewsroomSite site)
{
    public const string SessionCookie = ".Newsroom.Session";

    /// <summary>A page every signed-in user can open that carries an antiforgery token.</summary>
    public const string TokenPage = "/account/password";

    private readonly HttpClient _http = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    /// <summary>A second visitor carrying a copy of this one's cookies (a stolen or replayed cookie).</summary>
    public SiteClient Replay()
    {
        var copy = new SiteClient(site);
        foreach (var (name, value) in Cookies)
        {
            copy.Cookies[name] = value;
        }

        return copy;
    }

    public async Task<Page> GetAsync(string url) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    /// <summary>Posts <paramref name="fields"/> with the antiforgery token found on <paramref name="tokenPage"/>.</summary>
    public async Task<Page> PostAsync(string url, IEnumerable<KeyValuePair<string, string>>? fields = null, string tokenPage = TokenPage)
    {
        var token = await TokenFromAsync(tokenPage);
        return await PostWithoutTokenAsync(url, (fields ?? []).Append(new("__RequestVerificationToken", token)));
    }

    /// <summary>Posts a multipart form with one file, with the token from <paramref name="tokenPage"/>.</summary>
    public async Task<Page> PostFileAsync(string url, string field, string fileName, byte[] content, string tokenPage)
    {
        var token = await TokenFromAsync(tokenPage);
        var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(content), field, fileName } };
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body };
        request.Headers.Add("RequestVerificationToken", token);
        return await SendAsync(request);
    }

    public async Task<Page> PostWithoutTokenAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });

    /// <summary>Signs in through the login form; returns the answer to the form post.</summary>
    public Task<Page> SignInAsync(string userName, string password, string? returnUrl = null) =>
        PostAsync(
            "/login",
            [new("UserName", userName), new("Password", password), new("ReturnUrl", returnUrl ?? "")],
            "/login");

    public Task<Page> SignOutAsync() => PostAsync("/logout", [], TokenPage);

    private async Task<string> TokenFromAsync(string tokenPage)
    {
        var page = await GetAsync(tokenPage);
        return page.AntiforgeryToken ?? throw new InvalidOperationException($"No antiforgery token on {tokenPage} ({(int)page.Status}).");
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

        /// <summary>The value of the hidden or text input named <paramref name="name"/>, decoded.</summary>
        public string? Field(string name) =>
            Regex.Match(Body, "name=\"" + Regex.Escape(name) + "\" value=\"([^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

        public bool RedirectsToLogin => Status == HttpStatusCode.Redirect && Location is not null && Location.Contains("/login", StringComparison.Ordinal);

        public string Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
