using System.Text.RegularExpressions;
using Uwv.Host.Demo;

namespace Uwv.BrowserTests.Demo;

/// <summary>The demo's made-up people are valid input for the client register.</summary>
public sealed partial class DemoPeopleTests
{
    [Fact]
    public void Bsn_PassesTheElfproef_AndIsUniquePerIndex()
    {
        var bsns = Enumerable.Range(0, 5000).Select(i => DemoPeople.Bsn(20240101, i)).ToList();
        bsns.ShouldAllBe(b => DemoPeople.PassesElfproef(b));
        bsns.Distinct().Count().ShouldBe(bsns.Count);
    }

    [Theory]
    [InlineData("111222333", true)]
    [InlineData("123456782", true)]
    [InlineData("123456789", false)]
    [InlineData("12345678", false)]
    public void PassesElfproef_KnownNumbers(string bsn, bool valid) => DemoPeople.PassesElfproef(bsn).ShouldBe(valid);

    [Theory]
    [InlineData("arnhem-centrum", 6811, 6815)]
    [InlineData("arnhem-noord", 6816, 6829)]
    [InlineData("arnhem-zuid", 6830, 6846)]
    public void Postcode_LiesInTheTeamsArea_AndIsAValidDutchPostcode(string team, int from, int to)
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var postcode = DemoPeople.Postcode(random, team);
            PostcodePattern().IsMatch(postcode).ShouldBeTrue(postcode);
            int.Parse(postcode[..4], System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(from, to);
        }
    }

    // Letters F, I, O, Q, U, Y are not used; nor the combinations SA, SD and SS.
    [GeneratedRegex("^[1-9][0-9]{3} (?!SA|SD|SS)[A-EGHJ-NPRTV-XZ]{2}$")]
    private static partial Regex PostcodePattern();
}
