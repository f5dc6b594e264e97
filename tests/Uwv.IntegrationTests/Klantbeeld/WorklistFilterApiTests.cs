using Grpc.Core;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.IntegrationTests.Handover;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Testing;

namespace Uwv.IntegrationTests.Klantbeeld;

/// <summary>The worklist's stand and deadline filters through the API.</summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class WorklistFilterApiTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task Worklist_FilteredOnStand_ListsOnlyHandoversThatStandSo()
    {
        var flow = new HandoverFlow(platform);
        var (clientId, dossierId) = await flow.ClientWithSmzDossier();
        await flow.Request(clientId, dossierId);

        var page = await Eventually.Until(
            () => platform.Client.Klantbeeld.ListWorklistAsync(new ListWorklistRequest { Stand = "requested", PageSize = 100 },
                platform.Client.As(HandoverFlow.Procesbegeleider)).ResponseAsync,
            r => r.Items.Any(i => i.ClientId == clientId), what: "the requested handover on the worklist");

        page.Items.ShouldAllBe(i => i.Stand == "requested" && i.Kind == "handover");
        (await platform.Client.Klantbeeld.ListWorklistAsync(new ListWorklistRequest { Stand = "escalated", PageSize = 100 },
            platform.Client.As(HandoverFlow.Procesbegeleider))).Items.ShouldNotContain(i => i.ClientId == clientId);
    }

    [Fact]
    public async Task Worklist_WithAnUnknownDeadlineFilter_IsInvalidArgumentOnDue()
    {
        var ex = await Should.ThrowAsync<RpcException>(() => platform.Client.Klantbeeld.ListWorklistAsync(new ListWorklistRequest { Due = "morgen" },
            platform.Client.As(HandoverFlow.Procesbegeleider)).ResponseAsync);

        (ex.StatusCode, ex.Trailers.GetValue(RpcErrors.FieldTrailer)).ShouldBe((StatusCode.InvalidArgument, "due"));
    }
}
