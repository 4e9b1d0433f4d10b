using System.Diagnostics.Metrics;

namespace Ctms.Benchmarks.Circuits;

/// <summary>
/// The server's own count of circuits, from ASP.NET Core's circuit meter (<c>aspnetcore.components.circuit.active</c>
/// and <c>.connected</c>): proof that the headless clients' circuits are real circuits on the host under test.
/// </summary>
internal sealed class CircuitCounter : IDisposable
{
    private const string MeterName = "Microsoft.AspNetCore.Components.Server.Circuits";
    private readonly MeterListener _listener = new();
    private long _active;
    private long _connected;

    public CircuitCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName && instrument.Name is "aspnetcore.components.circuit.active" or "aspnetcore.components.circuit.connected")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, delta, _, _) =>
        {
            if (instrument.Name == "aspnetcore.components.circuit.active")
            {
                Interlocked.Add(ref _active, delta);
            }
            else
            {
                Interlocked.Add(ref _connected, delta);
            }
        });
        _listener.Start();
    }

    public long Active => Interlocked.Read(ref _active);

    public long Connected => Interlocked.Read(ref _connected);

    public void Dispose() => _listener.Dispose();
}
