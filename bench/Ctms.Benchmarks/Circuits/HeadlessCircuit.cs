using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ctms.Benchmarks.Circuits;

/// <summary>
/// One Blazor Server circuit driven without a browser, speaking what blazor.web.js speaks (.NET 10): the
/// prerendered page's server markers start the circuit (<c>StartCircuit</c>, then <c>UpdateRootComponents</c>
/// with "add" operations), every <c>JS.RenderBatch</c> is acknowledged with <c>OnRenderCompleted</c>, every JS
/// interop call is answered as done with no value, and UI events go through the renderer's interop object
/// (<c>DispatchEventAsync</c>), as the browser sends them.
/// </summary>
internal sealed class HeadlessCircuit : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly HubConnection _connection;
    private readonly string _clickTestId;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource? _nextBatch;
    private long _rendererObjectId = -1;
    private ulong _clickHandler;
    private long _callId;

    private HeadlessCircuit(HubConnection connection, string clickTestId)
    {
        _connection = connection;
        _clickTestId = clickTestId;
    }

    /// <summary>JS functions the server asked for, with how often: evidence of what the client answered blindly.</summary>
    public static ConcurrentDictionary<string, int> JsCalls { get; } = new();

    /// <summary>Errors the server reported (<c>JS.Error</c>) or that the client met.</summary>
    public static ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>GETs <paramref name="page"/>, starts its circuit and waits until the element to click is rendered.</summary>
    public static async Task<HeadlessCircuit> StartAsync(HttpClient http, CookieContainer cookies, Uri page, string clickTestId)
    {
        var prerendered = PrerenderedPage.Parse(await http.GetStringAsync(page));
        if (prerendered.ServerMarkers.Count == 0)
        {
            throw new InvalidOperationException($"{page} has no interactive server components (signed out?).");
        }

        var builder = new HubConnectionBuilder().WithUrl(new Uri(page, "/_blazor"), options =>
        {
            options.Cookies = cookies;
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
        });
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        var circuit = new HeadlessCircuit(builder.Build(), clickTestId);
        circuit.Listen();
        try
        {
            await circuit._connection.StartAsync();
            var baseUri = new Uri(page, "/").ToString();
            var secret = await circuit._connection.InvokeAsync<string?>("StartCircuit", baseUri, page.ToString(), "[]", prerendered.ApplicationState);
            if (string.IsNullOrEmpty(secret))
            {
                throw new InvalidOperationException("The server refused to start the circuit.");
            }

            await circuit._connection.SendAsync("UpdateRootComponents", prerendered.AddOperationsJson(), prerendered.ApplicationState);
            await circuit._ready.Task.WaitAsync(Timeout);
            return circuit;
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }
    }

    /// <summary>Clicks the element and returns the milliseconds until the next render batch arrives.</summary>
    public async Task<double> ClickAsync()
    {
        var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _nextBatch, rendered);
        var callId = Interlocked.Increment(ref _callId).ToString(CultureInfo.InvariantCulture);
        var args = string.Create(CultureInfo.InvariantCulture,
            $$"""[{"eventHandlerId":{{Volatile.Read(ref _clickHandler)}},"eventName":"click","eventFieldInfo":null},{"type":"click","detail":1,"button":0,"buttons":0,"clientX":1,"clientY":1}]""");
        var started = Stopwatch.GetTimestamp();
        await _connection.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", Interlocked.Read(ref _rendererObjectId), args);
        await rendered.Task.WaitAsync(Timeout);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    /// <summary>False once the connection has closed (e.g. the server stopped answering pings within the client's 30 s timeout).</summary>
    public bool IsConnected => _connection.State == HubConnectionState.Connected;

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private void Listen()
    {
        _connection.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        _connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", OnBeginInvokeJSAsync);
        _connection.On<string, bool, string>("JS.EndInvokeDotNet", (_, succeeded, result) =>
        {
            if (!succeeded)
            {
                Errors.Enqueue("DispatchEventAsync failed: " + result);
            }
        });
        _connection.On<long>("JS.EndUpdateRootComponents", _ => { });
        _connection.On<string>("JS.Error", error =>
        {
            Errors.Enqueue(error);
            _ready.TrySetException(new InvalidOperationException(error));
        });
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] batch)
    {
        if (RenderBatchReader.FindEventHandler(batch, _clickTestId, "onclick") is { } handler)
        {
            Volatile.Write(ref _clickHandler, handler);
        }

        await _connection.SendAsync("OnRenderCompleted", batchId, null);
        Interlocked.Exchange(ref _nextBatch, null)?.TrySetResult();
        MaybeReady();
    }

    /// <summary>JSCallResultType.JSObjectReference.</summary>
    private const int JSObjectReferenceResult = 1;

    private long _nextJsObjectId;

    private async Task OnBeginInvokeJSAsync(long asyncHandle, string identifier, string argsJson, int resultType, long targetInstanceId, int callType)
    {
        JsCalls.AddOrUpdate(identifier, 1, (_, n) => n + 1);
        if (identifier == "Blazor._internal.attachWebRendererInterop")
        {
            Interlocked.Exchange(ref _rendererObjectId, RendererObjectId(argsJson));
            MaybeReady();
        }

        if (asyncHandle != 0)
        {
            // A module import (IdleSignOut's) expects a JS object reference: a null one fails the circuit.
            var result = resultType == JSObjectReferenceResult
                ? string.Create(CultureInfo.InvariantCulture, $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextJsObjectId)}}}")
                : "null";
            await _connection.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true,
                string.Create(CultureInfo.InvariantCulture, $"[{asyncHandle},true,{result}]"));
        }
    }

    private void MaybeReady()
    {
        if (Interlocked.Read(ref _rendererObjectId) >= 0 && Volatile.Read(ref _clickHandler) != 0)
        {
            _ready.TrySetResult();
        }
    }

    /// <summary>attachWebRendererInterop(rendererId, DotNetObjectReference, …): the reference serialises as <c>{"__dotNetObject":id}</c>.</summary>
    internal static long RendererObjectId(string argsJson)
    {
        using var args = JsonDocument.Parse(argsJson);
        foreach (var arg in args.RootElement.EnumerateArray())
        {
            if (arg.ValueKind == JsonValueKind.Object && arg.TryGetProperty("__dotNetObject", out var id))
            {
                return id.GetInt64();
            }
        }

        throw new InvalidOperationException("attachWebRendererInterop carried no .NET object reference: " + argsJson);
    }
}
