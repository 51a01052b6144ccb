using System.Net;
using System.Text.RegularExpressions;

namespace Newsroom.Benchmarks.Load;

/// <summary>
/// Signs in through the site's own login form, antiforgery token included, and hands back the
/// cookies as a <c>Cookie:</c> header for wrk. The form is read, not assumed: every hidden input is
/// posted back, the password goes in the password input, the user name in the text/email input.
/// </summary>
public static partial class AdminSignIn
{
    /// <returns>The Cookie header value, or null with the reason when sign-in is not available.</returns>
    public static async Task<(string? Cookie, string? Problem)> SignInAsync(Uri baseAddress, string loginPath, string userName, string email, string password, CancellationToken cancellationToken)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var page = await http.GetAsync(loginPath.TrimStart('/'), cancellationToken);
        if (page.StatusCode != HttpStatusCode.OK)
        {
            return (null, $"login page {loginPath} answered {(int)page.StatusCode}");
        }

        var html = await page.Content.ReadAsStringAsync(cancellationToken);
        var form = Forms().Matches(html).FirstOrDefault(f => f.Value.Contains("type=\"password\"", StringComparison.OrdinalIgnoreCase));
        if (form is null)
        {
            return (null, $"login page {loginPath} has no form with a password field");
        }

        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match input in Inputs().Matches(form.Value))
        {
            var name = Attribute(input.Value, "name");
            if (name is null)
            {
                continue;
            }

            var type = (Attribute(input.Value, "type") ?? "text").ToLowerInvariant();
            var value = type switch
            {
                "password" => password,
                "hidden" => WebUtility.HtmlDecode(Attribute(input.Value, "value") ?? ""),
                "text" or "email" => name.Equals("Email", StringComparison.OrdinalIgnoreCase) ? email : userName,
                _ => null,
            };
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }

        var action = Attribute(Regex.Match(form.Value, "<form[^>]*>", RegexOptions.IgnoreCase).Value, "action");
        var target = string.IsNullOrEmpty(action) ? loginPath : WebUtility.HtmlDecode(action);
        using var post = await http.PostAsync(target.TrimStart('/'), new FormUrlEncodedContent(fields), cancellationToken);
        if ((int)post.StatusCode is not (302 or 303))
        {
            return (null, $"sign-in POST {target} answered {(int)post.StatusCode}, not a redirect");
        }

        var header = string.Join("; ", cookies.GetAllCookies().Select(c => $"{c.Name}={c.Value}"));
        return header.Length == 0 ? (null, "sign-in set no cookie") : (header, null);
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}\\s*=\\s*(\"([^\"]*)\"|'([^']*)')", RegexOptions.IgnoreCase);
        return match.Success ? (match.Groups[2].Success ? match.Groups[2].Value : match.Groups[3].Value) : null;
    }

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Inputs();
}
