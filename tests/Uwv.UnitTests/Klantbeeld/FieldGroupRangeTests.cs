using Google.Protobuf;
using Google.Protobuf.Reflection;
using Uwv.Klantbeeld.Domain;
using Proto = Uwv.Contracts.Klantbeeld.V1;

namespace Uwv.UnitTests.Klantbeeld;

/// <summary>
/// Default deny of new fields: a field nobody classified belongs to a group only inside the number ranges reserved for
/// the divisions (20–49) and the handover (50–69); everywhere else it is removed for everyone.
/// </summary>
public sealed class FieldGroupRangeTests
{
    /// <summary>A picture as a later contract version might look: unnamed fields on both sides of every range edge.</summary>
    private static readonly MessageDescriptor FuturePicture = BuildFuturePicture();

    private static MessageDescriptor BuildFuturePicture()
    {
        var message = new DescriptorProto { Name = "FuturePicture" };
        foreach (var number in new[] { 12, 19, 20, 35, 49, 50, 60, 69, 70, 99 })
        {
            message.Field.Add(new FieldDescriptorProto
            {
                Name = $"new_field_{number}",
                JsonName = $"newField{number}",
                Number = number,
                Type = FieldDescriptorProto.Types.Type.String,
                Label = FieldDescriptorProto.Types.Label.Optional,
            });
        }
        var file = new FileDescriptorProto { Name = "future_picture.proto", Package = "uwv.test", Syntax = "proto3" };
        file.MessageType.Add(message);
        return FileDescriptor.BuildFromByteStrings([file.ToByteString()])[0].MessageTypes[0];
    }

    private static string? GroupOfNumber(int number) => FieldGroups.GroupOf(FuturePicture.FindFieldByNumber(number));

    [Theory]
    [InlineData(12)]
    [InlineData(19)]
    [InlineData(70)]
    [InlineData(99)]
    public void UnclassifiedField_OutsideTheReservedRanges_HasNoGroup_SoNobodySeesIt(int number) =>
        GroupOfNumber(number).ShouldBeNull();

    [Theory]
    [InlineData(20)]
    [InlineData(35)]
    [InlineData(49)]
    public void UnclassifiedField_InTheDivisionsRange_BelongsToTheDivisionsGroup(int number) =>
        GroupOfNumber(number).ShouldBe(FieldGroups.Divisions);

    [Theory]
    [InlineData(50)]
    [InlineData(60)]
    [InlineData(69)]
    public void UnclassifiedField_InTheHandoverRange_BelongsToTheHandoversGroup(int number) =>
        GroupOfNumber(number).ShouldBe(FieldGroups.Handovers);

    [Fact]
    public void PictureFields_AreInTheirGroups()
    {
        var fields = Proto.Klantbeeld.Descriptor.Fields;
        var groups = fields.InFieldNumberOrder().ToDictionary(f => f.Name, FieldGroups.GroupOf);

        groups["client_id"].ShouldBe("");
        groups["updated_at"].ShouldBe("");
        groups["field_groups"].ShouldBe("");
        groups["klantreis_status"].ShouldBe("");
        groups["name"].ShouldBe(FieldGroups.Person);
        groups["date_of_birth"].ShouldBe(FieldGroups.Person);
        groups["bsn"].ShouldBe(FieldGroups.Bsn);
        groups["postcode"].ShouldBe(FieldGroups.Address);
        groups["area_team"].ShouldBe(FieldGroups.Address);
        groups["moves"].ShouldBe(FieldGroups.Address);
        groups["beoordelingen"].ShouldBe(FieldGroups.Beoordelingen);
        groups["dossiers"].ShouldBe(FieldGroups.Dossiers);
        groups["handovers"].ShouldBe(FieldGroups.Handovers);
        groups["uitkeringen"].ShouldBe(FieldGroups.Divisions);
        groups["herkeuringsaanvragen"].ShouldBe(FieldGroups.Divisions);
        groups["open_handovers"].ShouldBe(FieldGroups.Handovers);
        groups["casusoverleg"].ShouldBe(FieldGroups.Handovers);
    }

    [Fact]
    public void Strip_WithOnlyTheDivisionsGroup_KeepsTheDivisionsParts_AndRemovesTheHandoversAndAddress()
    {
        var picture = new Proto.Klantbeeld { ClientId = "c", Casusoverleg = true, Postcode = "6821AB", UpdatedAt = "u" };
        picture.Uitkeringen.Add(new Proto.UitkeringSummary());
        picture.FieldGroups.Add(FieldGroups.Divisions);

        FieldGroups.Strip(picture, new HashSet<string> { FieldGroups.Divisions });

        picture.Uitkeringen.Count.ShouldBe(1);
        picture.Casusoverleg.ShouldBeFalse();
        picture.Postcode.ShouldBeEmpty();
        (picture.ClientId, picture.UpdatedAt, picture.FieldGroups.Count).ShouldBe(("c", "u", 1));
    }

    [Fact]
    public void Strip_WithEveryGroup_RemovesNothingClassified()
    {
        var picture = new Proto.Klantbeeld { ClientId = "c", Bsn = "123456782", Name = "Anna", AreaTeam = "arnhem-noord", Casusoverleg = true };

        FieldGroups.Strip(picture, KlantbeeldAccess.AllGroups);

        (picture.Bsn, picture.Name, picture.AreaTeam, picture.Casusoverleg).ShouldBe(("123456782", "Anna", "arnhem-noord", true));
    }
}
