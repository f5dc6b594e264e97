using Grpc.Core;
using Uwv.ServiceDefaults.Auth;

namespace Uwv.UnitTests.Access;

public sealed class InzageDoelTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Read_WithoutPurpose_IsInvalidArgument_NamingPurpose(string code)
    {
        var ex = Should.Throw<RpcException>(() => InzageDoel.Require(code, "toelichting"));
        ex.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        ex.Status.Detail.ShouldStartWith("purpose: is required");
    }

    [Theory]
    [InlineData("nieuwsgierig")]
    [InlineData("Klantcontact")]
    [InlineData("telefoongesprek met cliënt")]
    public void Read_WithAPurposeOutsideTheFixedList_IsInvalidArgument_NamingPurpose(string code)
    {
        var ex = Should.Throw<RpcException>(() => InzageDoel.Require(code, ""));
        ex.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        ex.Status.Detail.ShouldStartWith("purpose: must be one of klantcontact, ");
    }

    [Fact]
    public void Read_WithATooLongNote_IsInvalidArgument_NamingPurposeNote() =>
        Should.Throw<RpcException>(() => InzageDoel.Require("klantcontact", new string('x', InzageDoel.MaxNote + 1)))
            .Status.Detail.ShouldStartWith("purpose_note:");

    [Theory]
    [InlineData("klantcontact", "", "klantcontact")]
    [InlineData(" casusoverleg ", "  ", "casusoverleg")]
    [InlineData("bezwaar", " hoorzitting voorbereiden ", "bezwaar: hoorzitting voorbereiden")]
    public void Read_WithACodeOfTheList_IsAudited_AsCodeAndNote(string code, string note, string audited) =>
        InzageDoel.Require(code, note).ShouldBe(audited);

    [Fact]
    public void EveryCode_HasADutchLabel() =>
        InzageDoel.Codes.ShouldAllBe(c => c.Key.Length > 0 && c.Value.Length > 0 && c.Key == c.Key.ToLowerInvariant());
}
