using Uwv.Klantbeeld.Domain;

namespace Uwv.UnitTests.Klantbeeld;

public sealed class ClientRulesTests
{
    [Theory]
    [InlineData("111222333")]
    [InlineData("123456782")]
    [InlineData("999999990")]
    public void Bsn_PassingTheElfproef_IsValid(string bsn) => Bsn.IsValid(bsn).ShouldBeTrue();

    [Theory]
    [InlineData("123456789")] // sum not a multiple of 11
    [InlineData("000000000")] // zero sum
    [InlineData("12345678")]  // eight digits
    [InlineData("1234567820")] // ten digits
    [InlineData("12345678a")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("１２３４５６７８２")] // full-width digits are not ASCII digits
    public void Bsn_FailingTheElfproefOrShape_IsInvalid(string? bsn) => Bsn.IsValid(bsn).ShouldBeFalse();

    [Fact]
    public void Bsn_Masked_ShowsOnlyLastThreeDigits() => Bsn.Masked("123456782").ShouldBe("******782");

    [Theory]
    [InlineData("6821 AB", "6821AB")]
    [InlineData("6821ab", "6821AB")]
    [InlineData(" 6811 ef ", "6811EF")]
    public void Postcode_InCommonNotations_IsNormalized(string input, string expected)
    {
        Postcode.TryNormalize(input, out var normalized).ShouldBeTrue();
        normalized.ShouldBe(expected);
    }

    [Theory]
    [InlineData("0821AB")] // no postcode starts with 0
    [InlineData("6821 SS")] // SA, SD and SS are not used
    [InlineData("6821 SA")]
    [InlineData("6821 SD")]
    [InlineData("682AB")]
    [InlineData("6821ABC")]
    [InlineData("")]
    public void Postcode_Malformed_IsRejected(string input) => Postcode.TryNormalize(input, out _).ShouldBeFalse();

    private static readonly AreaTeamDirectory Arnhem = new(
    [
        new AreaTeam { Id = "arnhem-centrum", Ranges = ["6811-6815"] },
        new AreaTeam { Id = "arnhem-noord", Ranges = ["6816-6829"] },
        new AreaTeam { Id = "arnhem-zuid", Ranges = ["6830-6846", "6850"] },
    ]);

    [Theory]
    [InlineData("6811AA", "arnhem-centrum")]
    [InlineData("6815ZZ", "arnhem-centrum")]
    [InlineData("6816AA", "arnhem-noord")]
    [InlineData("6846AB", "arnhem-zuid")]
    [InlineData("6850AB", "arnhem-zuid")]
    public void AreaTeam_OfPostcode_IsTheTeamWhoseRangeHoldsItsPc4(string postcode, string team) =>
        Arnhem.TeamFor(postcode)!.Id.ShouldBe(team);

    [Theory]
    [InlineData("6810AA")]
    [InlineData("6847AA")]
    [InlineData("1012AB")]
    public void AreaTeam_OfPostcodeOutsideEveryRange_IsNone(string postcode) => Arnhem.TeamFor(postcode).ShouldBeNull();
}
