namespace Uwv.Uitkeren.Domain;

/// <summary>Settings of Uitkeren, bound to configuration section "Uitkeren".</summary>
public sealed class UitkerenOptions
{
    public const string Section = "Uitkeren";

    /// <summary>The share of income deducted from WW, WIA-WGA and Ziektewet uitkeringen (inkomstenverrekening).</summary>
    public int InkomstenVerrekeningPercentage { get; set; } = 70;
}
