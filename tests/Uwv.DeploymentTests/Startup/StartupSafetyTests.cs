using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Uwv.ServiceDefaults;
using Uwv.ServiceDefaults.Auth;

namespace Uwv.DeploymentTests.Startup;

/// <summary>
/// A process outside Development without an OIDC authority would accept tokens signed with a development key; it refuses
/// to start instead. The development key ships in no file: it is made at start-up (decision 0020).
/// </summary>
public sealed class StartupSafetyTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Acceptance")]
    public void OutsideDevelopment_WithoutAuthority_RefusesToStart(string environment)
    {
        var builder = Builder(environment);

        var refused = Should.Throw<InvalidOperationException>(() => builder.AddServiceDefaults("smz"));

        refused.Message.ShouldContain("Auth:Authority is not set");
        refused.Message.ShouldContain(environment);
    }

    [Fact]
    public void OutsideDevelopment_WithAuthority_Starts()
    {
        var builder = Builder("Production", "--Auth:Authority=https://login.example.com/realms/uwv");

        builder.AddServiceDefaults("smz");

        builder.Configuration["Auth:DevSigningKey"].ShouldBeNull("with an authority no development key is made");
    }

    [Fact]
    public void InDevelopment_WithoutKey_MakesAFreshKeyPerProcess_ThatItsIssuerAndValidatorShare()
    {
        var first = Builder("Development");
        var second = Builder("Development");

        first.AddServiceDefaults("smz");
        second.AddServiceDefaults("smz");

        var key = first.Configuration["Auth:DevSigningKey"];
        Convert.FromBase64String(key!).Length.ShouldBe(32);
        key.ShouldNotBe(second.Configuration["Auth:DevSigningKey"]);
        using var app = first.Build();
        app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.DevSigningKey.ShouldBe(key);
    }

    [Fact]
    public void InDevelopment_AGivenKey_IsKept()
    {
        var given = AuthExtensions.NewDevSigningKey();
        var builder = Builder("Development", $"--Auth:DevSigningKey={given}");

        builder.AddServiceDefaults("smz");

        builder.Configuration["Auth:DevSigningKey"].ShouldBe(given);
    }

    [Fact]
    public void PlatformSettings_ShipNoSigningKey()
    {
        var platform = new ConfigurationBuilder().AddJsonFile(Infrastructure.Repo.PathOf("config", "platform.json")).Build();

        platform["Auth:DevSigningKey"].ShouldBeNull();
        platform["Auth:EnableDevIssuer"].ShouldBeNull();
    }

    private static WebApplicationBuilder Builder(string environment, params string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, Args = args });
}
