using Microsoft.Extensions.Configuration;
using Uwv.Klantbeeld.Domain;

namespace Uwv.UnitTests.Klantbeeld;

public sealed class AreaTeamConfigurationTests
{
    private static AreaTeam Team(string id, params string[] ranges) => new() { Id = id, Name = id, Ranges = [.. ranges] };

    [Fact]
    public void AreaTeams_WithAdjacentRanges_AreValid() =>
        AreaTeamConfiguration.Problems([Team("centrum", "6811-6815"), Team("noord", "6816-6829", "6850"), Team("zuid", "6830-6846")])
            .ShouldBeEmpty();

    [Fact]
    public void AreaTeams_WithOverlappingRanges_AreRefusedAtStartUp_NamingBothTeamsAndTheOverlap()
    {
        var ex = Should.Throw<InvalidOperationException>(() =>
            AreaTeamConfiguration.Validated([Team("noord", "6816-6829"), Team("zuid", "6825-6846")]));
        ex.Message.ShouldContain("noord (6816-6829)");
        ex.Message.ShouldContain("zuid (6825-6846)");
        ex.Message.ShouldContain("PC4 6825-6829 would have two teams");
    }

    [Fact]
    public void AreaTeams_WithASinglePc4InsideAnotherTeamsRange_AreRefused() =>
        AreaTeamConfiguration.Problems([Team("noord", "6816-6829"), Team("zuid", "6820")]).ShouldHaveSingleItem()
            .ShouldContain("PC4 6820-6820");

    [Fact]
    public void AreaTeam_WithTwoOverlappingRangesOfItsOwn_IsRefused() =>
        AreaTeamConfiguration.Problems([Team("noord", "6816-6829", "6829-6835")]).ShouldHaveSingleItem().ShouldContain("overlap");

    [Theory]
    [InlineData("6829-6816")]
    [InlineData("68a1")]
    [InlineData("6811-")]
    [InlineData("681")]
    [InlineData("６８１１")]
    public void AreaTeam_WithAMalformedRange_IsRefused(string range) =>
        AreaTeamConfiguration.Problems([Team("noord", range)]).ShouldHaveSingleItem().ShouldContain("is not a PC4 range");

    [Fact]
    public void ThePlatformsOwnConfiguration_HasNoOverlap()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir.FullName, "config", "platform.json")))
        {
            dir = dir.Parent ?? throw new FileNotFoundException("config/platform.json above the test binaries");
        }
        var teams = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(dir.FullName, "config", "platform.json"), optional: false)
            .Build().GetSection("AreaTeams").Get<List<AreaTeam>>();
        teams.ShouldNotBeNull().Count.ShouldBe(3);
        AreaTeamConfiguration.Problems(teams).ShouldBeEmpty();
    }
}
