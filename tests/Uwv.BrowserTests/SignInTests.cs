using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Uwv.BrowserTests;

/// <summary>
/// Sign-in through the gateway against a real OpenID Connect provider: the page never holds a token, the session
/// outlives its 2-minute access tokens without losing a form, a call without the CSRF header is refused, signing out
/// ends the session at the provider too, and a tampered cookie or a session revoked at the provider leads back to
/// the sign-in page.
/// </summary>
[Collection(SignInCollection.Name)]
public sealed class SignInTests(SignInPlatformFixture platform)
{
    private const string User = "procesbegeleider.arnhem-noord";

    private async Task<IPage> SignInAsync(string password = SignInPlatformFixture.Password)
    {
        var page = await platform.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen met UWV-account" }).ClickAsync();
        await page.GetByLabel("Gebruikersnaam").FillAsync(User);
        await page.GetByLabel("Wachtwoord").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        return page;
    }

    private static Task SignedInAsync(IPage page) =>
        page.WaitForFunctionAsync("() => location.hash !== '#/inloggen' && !!document.querySelector('#gebruiker button')");

    [Fact]
    public async Task SignIn_AtTheIdentityProvider_OpensTheWerkplek_AndThePageHoldsNoToken()
    {
        var page = await SignInAsync(password: "fout");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Gebruikersnaam of wachtwoord is onjuist");
        await page.GetByLabel("Gebruikersnaam").FillAsync(User);
        await page.GetByLabel("Wachtwoord").FillAsync(SignInPlatformFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await SignedInAsync(page);

        // The services accepted the provider's access token, attached by the gateway: the worklist loads.
        await Expect(page.Locator("#gebruiker")).ToContainTextAsync("Fatima");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Werkvoorraad");
        await WebApp.CheckPageAsync(page, "si-01-ingelogd");

        var storage = await page.EvaluateAsync<string>("() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }) + document.cookie");
        storage.ShouldNotContain("eyJ", customMessage: "no token (a JWT starts with eyJ) is readable by the page");
        var cookies = await page.Context.CookiesAsync();
        var session = cookies.Single(c => c.Name.StartsWith("uwv-sessie", StringComparison.Ordinal));
        session.HttpOnly.ShouldBeTrue();
        session.SameSite.ShouldBe(SameSiteAttribute.Strict);
        session.Value.ShouldNotContain("eyJ", customMessage: "the tokens stay on the server; the cookie names the session");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ApiCall_WithTheSessionCookieButWithoutTheCsrfHeader_IsRefused()
    {
        var page = await SignInAsync();
        await SignedInAsync(page);
        var api = page.Context.APIRequest;

        var forged = await api.GetAsync("/api/v1/klantbeeld/worklist");
        var genuine = await api.GetAsync("/api/v1/klantbeeld/worklist", new() { Headers = new Dictionary<string, string> { ["X-CSRF"] = "1" } });
        var anonymous = await platform.Browser.NewContextAsync(new() { BaseURL = platform.Gateway.ToString() });
        var withoutSession = await anonymous.APIRequest.GetAsync("/api/v1/klantbeeld/worklist", new() { Headers = new Dictionary<string, string> { ["X-CSRF"] = "1" } });

        forged.Status.ShouldBe(403);
        genuine.Status.ShouldBe(200, await genuine.TextAsync());
        withoutSession.Status.ShouldBe(401);
        await anonymous.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Session_OutlivesItsAccessToken_AndTheFormKeepsItsInput()
    {
        var page = await SignInAsync();
        await SignedInAsync(page);
        var before = (await platform.ProviderStatsAsync()).GetProperty("refreshes").GetInt32();
        await page.GotoAsync("/#/clienten/nieuw");
        var name = $"Cliënt {Guid.NewGuid().ToString("N")[..6]}";
        await page.GetByLabel("Naam").FillAsync(name);
        await page.GetByLabel("BSN").FillAsync(Uwv.Testing.TestData.NewBsn());
        await page.GetByLabel("Geboortedatum").FillAsync("1979-05-06");
        await page.GetByLabel("Postcode").FillAsync(Uwv.Testing.TestData.NoordPostcode);

        // Longer than an access token lives: the gateway renews it; the page and its form stay as they were.
        await page.WaitForTimeoutAsync((SignInPlatformFixture.AccessTokenSeconds + 10) * 1000);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cliënt registreren" }).ClickAsync();

        await Expect(page.GetByText("De cliënt is geregistreerd")).ToBeVisibleAsync();
        (await platform.ProviderStatsAsync()).GetProperty("refreshes").GetInt32().ShouldBeGreaterThan(before);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignOut_EndsTheSession_HereAndAtTheIdentityProvider()
    {
        var page = await SignInAsync();
        await SignedInAsync(page);
        var before = (await platform.ProviderStatsAsync()).GetProperty("signOuts").GetInt32();

        await page.Locator("#gebruiker").GetByRole(AriaRole.Button, new() { Name = "Uitloggen" }).ClickAsync();

        await page.WaitForURLAsync(url => url.StartsWith(platform.Gateway.ToString(), StringComparison.Ordinal) && url.EndsWith("#/inloggen", StringComparison.Ordinal));
        await Expect(page.GetByText("U bent uitgelogd")).ToBeVisibleAsync();
        (await platform.ProviderStatsAsync()).GetProperty("signOuts").GetInt32().ShouldBe(before + 1);
        (await page.Context.APIRequest.GetAsync("/bff/user", new() { Headers = new Dictionary<string, string> { ["X-CSRF"] = "1" } })).Status.ShouldBe(401);
        // The provider's session ended too: signing in again asks for the password.
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen met UWV-account" }).ClickAsync();
        await Expect(page.GetByLabel("Wachtwoord")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignOutLink_OfAnotherSession_DoesNotSignTheUserOut()
    {
        var page = await SignInAsync();
        await SignedInAsync(page);

        var forged = await page.Context.APIRequest.GetAsync("/bff/logout?sid=0123", new() { MaxRedirects = 0 });
        var still = await page.Context.APIRequest.GetAsync("/bff/user", new() { Headers = new Dictionary<string, string> { ["X-CSRF"] = "1" } });

        forged.Status.ShouldBe(400);
        still.Status.ShouldBe(200);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TamperedSessionCookie_LeadsBackToSignIn()
    {
        var page = await SignInAsync();
        await SignedInAsync(page);
        var session = (await page.Context.CookiesAsync()).Single(c => c.Name.StartsWith("uwv-sessie", StringComparison.Ordinal));
        var flipped = (session.Value[^5] == 'A' ? 'B' : 'A');
        await page.Context.AddCookiesAsync([new Cookie
        {
            Name = session.Name, Value = session.Value[..^5] + flipped + session.Value[^4..], Domain = session.Domain, Path = session.Path,
            HttpOnly = true, SameSite = SameSiteAttribute.Strict,
        }]);

        await page.ReloadAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Inloggen met UWV-account" })).ToBeVisibleAsync();
        page.Url.ShouldEndWith("#/inloggen");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Session_RevokedAtTheIdentityProvider_LeadsBackToSignIn_OnTheNextRenewal()
    {
        var page = await SignInAsync();
        await SignedInAsync(page);

        await platform.RevokeAllGrantsAsync();
        // The gateway renews tokens 100 of their 120 seconds early; past that point the refused renewal ends the session.
        await page.WaitForTimeoutAsync(25_000);
        await page.GotoAsync("/#/terugbelverzoeken");

        await Expect(page.GetByText("Uw sessie is verlopen")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Inloggen met UWV-account" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
