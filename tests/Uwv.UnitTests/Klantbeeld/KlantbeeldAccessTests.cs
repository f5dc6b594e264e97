using System.Security.Claims;
using Uwv.Klantbeeld.Domain;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Grpc;
using Proto = Uwv.Contracts.Klantbeeld.V1;

namespace Uwv.UnitTests.Klantbeeld;

public sealed class KlantbeeldAccessTests
{
    private static ClaimsPrincipal User(string role, string team) =>
        new(new ClaimsIdentity([new Claim(UwvClaims.Role, role), new Claim(UwvClaims.Team, team)], "test", UwvClaims.Name, UwvClaims.Role));

    public static TheoryData<string> TeamRoles =>
        [Roles.Verzekeringsarts, Roles.Arbeidsdeskundige, Roles.Procesbegeleider, Roles.AdviseurWerk, Roles.Uitkeringsdeskundige, Roles.Jurist, Roles.Teamleider];

    [Theory]
    [MemberData(nameof(TeamRoles))]
    public void Picture_ForEmployeeOfOwnTeam_IsAllowed(string role) =>
        KlantbeeldAccess.Decide(User(role, "arnhem-noord"), "arnhem-noord").Allowed.ShouldBeTrue();

    [Theory]
    [MemberData(nameof(TeamRoles))]
    public void Picture_ForEmployeeOfOtherTeam_IsDenied(string role) =>
        KlantbeeldAccess.Decide(User(role, "arnhem-zuid"), "arnhem-noord").Allowed.ShouldBeFalse();

    [Fact]
    public void Picture_ForEmployeeWithTwoRoles_IsAllowedForTheirTeam_AndDeniedForAnother()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(UwvClaims.Role, Roles.Jurist), new Claim(UwvClaims.Role, Roles.Manager), new Claim(UwvClaims.Team, "arnhem-noord")],
            "test", UwvClaims.Name, UwvClaims.Role));

        KlantbeeldAccess.Decide(user, "arnhem-noord").FieldGroups.ShouldBe(KlantbeeldAccess.AllGroups, ignoreOrder: true);
        var other = KlantbeeldAccess.Decide(user, "arnhem-zuid");
        other.Allowed.ShouldBeFalse();
        other.Rule.ShouldBe(AccessReasons.AreaTeam);
    }

    [Fact]
    public void Decision_ListsItsGroupsInOrdinalOrder_AndNamesThemAllForTheAudit()
    {
        var decision = KlantbeeldAccess.Decide(User(Roles.Verzekeringsarts, "arnhem-noord"), "arnhem-noord");

        decision.OrderedGroups.ShouldBe(KlantbeeldAccess.AllGroups.Order(StringComparer.Ordinal));
        decision.GroupsText.Split(',').ShouldBe(KlantbeeldAccess.AllGroups, ignoreOrder: true);
    }

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.PrivacyOfficer)]
    [InlineData("unknown-role")]
    public void Picture_ForRoleWithoutCaseWork_IsDenied_EvenForTheirTeam(string role) =>
        KlantbeeldAccess.Decide(User(role, "arnhem-noord"), "arnhem-noord").Allowed.ShouldBeFalse();

    [Fact]
    public void Strip_RemovesEveryFieldOutsideTheAllowedGroups()
    {
        var picture = new Proto.Klantbeeld { ClientId = "c", Bsn = "123456782", Name = "Anna", Postcode = "6821AB", KlantreisStatus = "s" };
        picture.Beoordelingen.Add(new Proto.BeoordelingOutcome { BeoordelingId = "b" });

        FieldGroups.Strip(picture, new HashSet<string> { FieldGroups.Person });

        picture.Name.ShouldBe("Anna");
        picture.ClientId.ShouldBe("c");
        picture.KlantreisStatus.ShouldBe("s");
        picture.Bsn.ShouldBeEmpty();
        picture.Postcode.ShouldBeEmpty();
        picture.Beoordelingen.ShouldBeEmpty();
    }

    [Fact]
    public void EveryFieldOfThePicture_BelongsToAGroup_OrIsRemovedForEveryone()
    {
        // Default deny: a field without a group is cleared even with every group allowed.
        foreach (var field in Proto.Klantbeeld.Descriptor.Fields.InFieldNumberOrder())
        {
            FieldGroups.GroupOf(field).ShouldNotBeNull($"field {field.Name} ({field.FieldNumber}) has no field group");
        }
    }
}
