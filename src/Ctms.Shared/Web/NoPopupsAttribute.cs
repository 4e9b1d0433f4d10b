namespace Ctms.Shared.Web;

/// <summary>
/// On a routable page: the page opens no MudBlazor popover (select, menu, tooltip, picker, autocomplete) and no
/// dialog, so the layout leaves out <c>MudPopoverProvider</c> and <c>MudDialogProvider</c> while it is shown. Both
/// would otherwise live as long as the circuit, and the popover provider starts JS interop in every circuit.
/// A page without the attribute always gets both providers, so forgetting it costs memory, never a feature.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NoPopupsAttribute : Attribute
{
    /// <summary>Whether the page routed to needs the popover and dialog providers (true when unknown).</summary>
    public static bool Needed(Type? pageType) => pageType is null || !IsDefined(pageType, typeof(NoPopupsAttribute), inherit: false);
}
