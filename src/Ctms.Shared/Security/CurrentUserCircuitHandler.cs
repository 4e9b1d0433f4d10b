using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Ctms.Shared.Security;

/// <summary>Keeps <see cref="CurrentUserAccessor"/> in step with the circuit's authentication state.</summary>
internal sealed class CurrentUserCircuitHandler(
    AuthenticationStateProvider authenticationStateProvider,
    CurrentUserAccessor accessor) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authenticationStateProvider.AuthenticationStateChanged += OnChanged;
        accessor.Set((await authenticationStateProvider.GetAuthenticationStateAsync()).User);
    }

    private void OnChanged(Task<AuthenticationState> state) =>
        _ = state.ContinueWith(t => accessor.Set(t.Result.User), TaskContinuationOptions.OnlyOnRanToCompletion);

    public void Dispose() => authenticationStateProvider.AuthenticationStateChanged -= OnChanged;
}
