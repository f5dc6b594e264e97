using Microsoft.EntityFrameworkCore;
using Uwv.BezwaarBeroep.Data;
using Uwv.ServiceDefaults.Contacts;
using Uwv.ServiceDefaults.Deadlines;
using Uwv.ServiceDefaults.Teams;
using Uwv.Smz.Data;
using Uwv.Uitkeren.Data;
using Uwv.Werkbedrijf.Data;

namespace Uwv.UnitTests.Access;

/// <summary>Access follows the client: every table with a client's team is re-stamped by a move, found from the model.</summary>
public sealed class ClientWorkTests
{
    private static DbContextOptions<T> Options<T>() where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseSqlite("Data Source=:memory:").Options;

    [Fact]
    public void ClientMove_InSmz_ReStampsContactsTerugbelverzoekenNormDeadlinesHerkeuringenWgaMonitoringVerzoekenAndReintegratieOwner()
    {
        using var db = new SmzDbContext(Options<SmzDbContext>());
        ClientWork.TypesIn(db).ShouldBe(
            [typeof(ContactRecord), typeof(TerugbelverzoekRecord), typeof(NormDeadlineRecord), typeof(HerkeuringsaanvraagRecord), typeof(Wga80100MonitoringRecord), typeof(SmzVerzoekRecord),
             typeof(ReintegratieOwnerRecord)],
            ignoreOrder: true);
    }

    [Fact]
    public void ClientMove_InWerkbedrijf_ReStampsTrajectenAndVerzoeken()
    {
        using var db = new WerkbedrijfDbContext(Options<WerkbedrijfDbContext>());
        ClientWork.TypesIn(db).ShouldBe(
            [typeof(ContactRecord), typeof(TerugbelverzoekRecord), typeof(NormDeadlineRecord), typeof(TrajectRecord), typeof(HerbeoordelingsverzoekRecord)], ignoreOrder: true);
    }

    [Fact]
    public void ClientMove_InUitkeren_ReStampsUitkeringenVoorschottenTerugvorderingenAndInkomstenSignalen()
    {
        using var db = new UitkerenDbContext(Options<UitkerenDbContext>());
        ClientWork.TypesIn(db).ShouldBe(
            [typeof(ContactRecord), typeof(TerugbelverzoekRecord), typeof(NormDeadlineRecord), typeof(UitkeringRecord), typeof(VoorschotRecord), typeof(TerugvorderingRecord),
             typeof(InkomstenSignaalRecord)],
            ignoreOrder: true);
    }

    [Fact]
    public void ClientMove_InBezwaarBeroep_ReStampsBezwaren()
    {
        using var db = new BezwaarBeroepDbContext(Options<BezwaarBeroepDbContext>());
        ClientWork.TypesIn(db).ShouldBe([typeof(ContactRecord), typeof(TerugbelverzoekRecord), typeof(NormDeadlineRecord), typeof(BezwaarRecord)], ignoreOrder: true);
    }
}
