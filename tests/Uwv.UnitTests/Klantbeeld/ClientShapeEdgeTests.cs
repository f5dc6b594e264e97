using Uwv.Klantbeeld.Domain;

namespace Uwv.UnitTests.Klantbeeld;

/// <summary>Shapes that are almost right: a BSN or postcode with one wrong character, ranges that share one PC4.</summary>
public sealed class ClientShapeEdgeTests
{
    private static AreaTeam Team(string id, params string[] ranges) => new() { Id = id, Name = id, Ranges = [.. ranges] };

    [Fact]
    public void Bsn_WithALetterThatWouldPassTheElfproefAsADigit_IsInvalid() =>
        // 'H' - '0' = 24: 156 - 24 = 132, a multiple of 11, so only the shape check refuses it.
        Bsn.IsValid("12345678H").ShouldBeFalse();

    [Theory]
    [InlineData("")]
    [InlineData("1234")]
    public void Bsn_Masked_OfSomethingThatIsNoBsn_ShowsNothing(string value) => Bsn.Masked(value).ShouldBe("*********");

    [Theory]
    [InlineData("68A1AB")]
    [InlineData("6821 1B")]
    [InlineData("6821 SS")]
    public void Postcode_WithOneWrongCharacter_IsRefused(string value) => Postcode.TryNormalize(value, out _).ShouldBeFalse();

    [Fact]
    public void AreaTeams_SharingOnlyTheEdgePc4_Overlap() =>
        AreaTeamConfiguration.Problems([Team("noord", "6816-6829"), Team("zuid", "6829-6846")]).ShouldHaveSingleItem()
            .ShouldContain("PC4 6829-6829");

    [Fact]
    public void AreaTeams_SharingOnlyTheEdgePc4_Overlap_WhicheverIsListedFirst() =>
        AreaTeamConfiguration.Problems([Team("zuid", "6829-6846"), Team("noord", "6816-6829")]).ShouldHaveSingleItem()
            .ShouldContain("PC4 6829-6829");
}
