using System.Diagnostics;
using System.Text.Json;
using Uwv.ServiceDefaults.Auth;
using Uwv.Testing;

namespace Uwv.BrowserTests;

/// <summary>
/// The embedded platform signed in through a real OpenID Connect provider: the npm package oidc-provider (certified)
/// started on loopback with the platform's users, 2-minute JWT access tokens for the audience uwv-1uwv, and the
/// gateway as its confidential client (backend for frontend). The services validate the provider's tokens themselves.
/// </summary>
public sealed class SignInPlatformFixture : BrowserPlatformFixture
{
    public const string Password = "Welkom-bij-1UWV";
    public const int AccessTokenSeconds = 120;
    private const string Resource = "urn:uwv:1uwv:api";
    private Process? _provider;
    private readonly string _settingsFile = Path.Combine(Path.GetTempPath(), $"uwv-oidc-{Guid.NewGuid():N}.json");

    public Uri Provider { get; private set; } = null!;

    protected override void Configure(Dictionary<string, string?> settings)
    {
        var gateway = settings["Services:gateway"]!.TrimEnd('/');
        Provider = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
        var issuer = Provider.GetLeftPart(UriPartial.Authority);
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        File.WriteAllText(_settingsFile, JsonSerializer.Serialize(new
        {
            issuer,
            port = Provider.Port,
            resource = Resource,
            audience = "uwv-1uwv",
            accessTokenSeconds = AccessTokenSeconds,
            client = new
            {
                id = "uwv-1uwv-web",
                secret,
                redirectUris = new[] { $"{gateway}/bff/signin-oidc" },
                postLogoutRedirectUris = new[] { $"{gateway}/bff/signout-callback-oidc" },
            },
            users = DemoUsers.All.Select(u => new
            {
                userName = u.UserName, password = Password, name = u.DisplayName, role = u.Role, team = u.Team, division = u.Division,
            }),
        }));
        var script = Path.Combine(RepoPaths.Root, "tools", "oidc", "provider.mjs");
        var start = new ProcessStartInfo("node", [script, _settingsFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.Combine(RepoPaths.Root, "tools"),
        };
        _provider = Process.Start(start)!;
        _provider.OutputDataReceived += (_, _) => { };
        _provider.ErrorDataReceived += (_, _) => { };
        _provider.BeginOutputReadLine();
        _provider.BeginErrorReadLine();
        WaitForDiscovery(issuer);

        settings["Auth:Authority"] = issuer;
        settings["Auth:EnableDevIssuer"] = "false";
        settings["Bff:Authority"] = issuer;
        settings["Bff:ClientId"] = "uwv-1uwv-web";
        settings["Bff:ClientSecret"] = secret;
        settings["Bff:RequireHttpsMetadata"] = "false";
        settings["Bff:Resource"] = Resource;
        // Renew 100 of the token's 120 seconds early, so a test sees a refresh within half a minute.
        settings["Bff:RefreshBefore"] = "00:01:40";
    }

    private void WaitForDiscovery(string issuer)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if (_provider!.HasExited)
            {
                throw new InvalidOperationException($"The OpenID Connect provider exited ({_provider.ExitCode}); scripts/install-deps.sh installs oidc-provider in tools/");
            }
            try
            {
                if (http.GetAsync($"{issuer}/.well-known/openid-configuration").GetAwaiter().GetResult().IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            Thread.Sleep(200);
        }
        throw new TimeoutException("The OpenID Connect provider did not answer its discovery document within 30 s");
    }

    /// <summary>The provider's counts (refresh grants served, sign-ins, sign-outs).</summary>
    public async Task<JsonElement> ProviderStatsAsync()
    {
        using var http = new HttpClient();
        return JsonDocument.Parse(await http.GetStringAsync(new Uri(Provider, "/test/stats"))).RootElement.Clone();
    }

    /// <summary>Revokes every grant at the provider, as an administrator ending all sessions would.</summary>
    public async Task RevokeAllGrantsAsync()
    {
        using var http = new HttpClient();
        (await http.PostAsync(new Uri(Provider, "/test/revoke"), null)).EnsureSuccessStatusCode();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_provider is { HasExited: false })
        {
            _provider.Kill(entireProcessTree: true);
            await _provider.WaitForExitAsync();
        }
        _provider?.Dispose();
        File.Delete(_settingsFile);
    }
}

[CollectionDefinition(Name)]
public sealed class SignInCollection : ICollectionFixture<SignInPlatformFixture>
{
    public const string Name = "sign-in";
}
