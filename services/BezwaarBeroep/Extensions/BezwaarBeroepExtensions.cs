using Uwv.BezwaarBeroep.Data;
using Uwv.BezwaarBeroep.Domain;
using Uwv.BezwaarBeroep.Grpc;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.BezwaarBeroep.Extensions;

public static class BezwaarBeroepExtensions
{
    public static IHostApplicationBuilder AddBezwaarBeroep(this IHostApplicationBuilder builder)
    {
        builder.AddDivision<BezwaarBeroepDbContext>("bezwaarberoep");
        builder.Services.AddOptions<DwangsomOptions>()
            .Bind(builder.Configuration.GetSection(DwangsomOptions.Section))
            .Validate(o => o.WaitDays >= 0 && o.DaysPerTier > 0 && o.MaxDays > 0
                && o.FirstTierPerDay >= 0 && o.SecondTierPerDay >= 0 && o.ThirdTierPerDay >= 0, "Dwangsom settings must be positive")
            .ValidateOnStart();
        return builder;
    }

    public static IEndpointConventionBuilder MapBezwaarBeroep(this IEndpointRouteBuilder app) =>
        app.MapGrpcService<BezwaarBeroepGrpcService>();
}
