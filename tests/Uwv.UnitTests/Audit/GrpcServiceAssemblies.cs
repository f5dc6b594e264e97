using System.Reflection;

namespace Uwv.UnitTests.Audit;

/// <summary>The assemblies of the six services whose gRPC methods the audit rules are checked on.</summary>
public static class GrpcServiceAssemblies
{
    public static readonly Assembly[] All =
    [
        typeof(Uwv.Smz.Grpc.SmzGrpcService).Assembly,
        typeof(Uwv.Werkbedrijf.Grpc.WerkbedrijfGrpcService).Assembly,
        typeof(Uwv.Uitkeren.Grpc.UitkerenGrpcService).Assembly,
        typeof(Uwv.BezwaarBeroep.Grpc.BezwaarBeroepGrpcService).Assembly,
        typeof(Uwv.Handover.Grpc.HandoverGrpcService).Assembly,
        typeof(Uwv.Klantbeeld.Grpc.KlantbeeldGrpcService).Assembly,
    ];
}
