using Uwv.Gateway.Bff;

namespace Uwv.IntegrationTests.Gateway;

/// <summary>The web sign-in's own rules: when tokens are renewed, and where a sign-in may return to.</summary>
public sealed class BffRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Before = TimeSpan.FromSeconds(60);

    [Fact]
    public void TokenRefresh_WithMoreThanTheMarginLeft_IsNotDue() =>
        TokenRefresh.IsDue(Now.AddSeconds(61), Now, Before).ShouldBeFalse();

    [Fact]
    public void TokenRefresh_WithExactlyTheMarginLeft_IsNotDue_AndJustBelowIt_IsDue()
    {
        TokenRefresh.IsDue(Now.AddSeconds(60), Now, Before).ShouldBeFalse();
        TokenRefresh.IsDue(Now.AddSeconds(59), Now, Before).ShouldBeTrue();
    }

    [Fact]
    public void TokenRefresh_OfAnExpiredToken_IsDue() =>
        TokenRefresh.IsDue(Now.AddSeconds(-1), Now, Before).ShouldBeTrue();

    [Fact]
    public void TokenRefresh_WithoutAKnownExpiry_IsDue() =>
        TokenRefresh.IsDue(null, Now, Before).ShouldBeTrue();

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/#/werkvoorraad", "/#/werkvoorraad")]
    [InlineData("/clienten?x=1", "/clienten?x=1")]
    public void SignInReturn_ToAPageOfThisSite_IsKept(string url, string expected) =>
        BffExtensions.LocalUrl(url).ShouldBe(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("werkvoorraad")]
    public void SignInReturn_ToAnotherSiteOrNoPath_GoesToTheStartPage(string? url) =>
        BffExtensions.LocalUrl(url).ShouldBe("/");
}
