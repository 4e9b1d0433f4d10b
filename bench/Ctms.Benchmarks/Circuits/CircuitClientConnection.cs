using System.Diagnostics;
using System.Text.Json;

namespace Ctms.Benchmarks.Circuits;

/// <summary>The parent's end of <see cref="CircuitClientProcess"/>: sends a command, waits for its <c>@</c> answer.</summary>
internal sealed class CircuitClientConnection : IAsyncDisposable
{
    private readonly Process _process;

    private CircuitClientConnection(Process process) => _process = process;

    public static CircuitClientConnection Start(Uri baseAddress)
    {
        // The same build of this program, in client mode; `dotnet run` starts the apphost, tests may start it through dotnet.
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(CircuitClientConnection).Assembly.Location);
        }

        start.ArgumentList.Add(CircuitClientProcess.Command);
        start.ArgumentList.Add(baseAddress.ToString());
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the circuit client.");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("[circuit client] " + e.Data);
            }
        };
        process.BeginErrorReadLine();
        return new CircuitClientConnection(process);
    }

    public async Task<JsonElement> SendAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith('@'))
            {
                return JsonDocument.Parse(line[1..]).RootElement.Clone();
            }
        }

        await _process.WaitForExitAsync();
        throw new InvalidOperationException($"The circuit client exited (code {_process.ExitCode}) while answering '{command}'.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await _process.StandardInput.WriteLineAsync("quit");
            await _process.StandardInput.FlushAsync();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
