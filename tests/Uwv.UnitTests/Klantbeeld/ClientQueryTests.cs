using Uwv.Klantbeeld.Domain;

namespace Uwv.UnitTests.Klantbeeld;

/// <summary>A search is a BSN (nine digits passing the elfproef, spaces and dots allowed), a client number, or a name.</summary>
public sealed class ClientQueryTests
{
    [Theory]
    [InlineData("111222333", "111222333")]
    [InlineData(" 1112 22 333 ", "111222333")]
    [InlineData("111.222.333", "111222333")]
    public void Query_OfNineDigitsPassingTheElfproef_IsABsn(string raw, string bsn) =>
        ClientQuery.Parse(raw).Query.ShouldBe(new ClientQuery(ClientQuery.Kinds.Bsn, bsn));

    [Theory]
    [InlineData("111222334")]
    [InlineData("11122233")]
    [InlineData("1112223330")]
    [InlineData("000000000")]
    public void Query_OfDigitsThatAreNoBsn_IsRefused(string raw)
    {
        var (query, invalid) = ClientQuery.Parse(raw);

        query.ShouldBeNull();
        invalid.ShouldNotBeNull().ShouldContain("elfproef");
    }

    [Fact]
    public void Query_OfAGuid_IsAClientNumber()
    {
        var id = Guid.NewGuid();

        ClientQuery.Parse(id.ToString("N")).Query.ShouldBe(new ClientQuery(ClientQuery.Kinds.ClientNumber, id.ToString()));
    }

    [Theory]
    [InlineData("de Vries", "de Vries")]
    [InlineData("  Jo ", "Jo")]
    public void Query_OfTextFromTwoCharacters_IsAName(string raw, string name) =>
        ClientQuery.Parse(raw).Query.ShouldBe(new ClientQuery(ClientQuery.Kinds.Name, name));

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("J")]
    public void Query_EmptyOrOfOneCharacter_IsRefused(string? raw) =>
        ClientQuery.Parse(raw).Query.ShouldBeNull();

    [Fact]
    public void Query_LongerThanTheLimit_IsRefused_AndAtTheLimit_IsAName()
    {
        ClientQuery.Parse(new string('a', ClientQuery.MaxLength + 1)).Invalid.ShouldNotBeNull();
        ClientQuery.Parse(new string('a', ClientQuery.MaxLength)).Query!.Kind.ShouldBe(ClientQuery.Kinds.Name);
    }
}
