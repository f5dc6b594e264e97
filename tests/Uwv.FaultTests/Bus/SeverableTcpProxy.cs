using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Uwv.FaultTests.Bus;

/// <summary>
/// A loopback TCP proxy in front of the broker that can leave its clients on half-open connections: <see cref="Sever"/>
/// closes every connection to the broker (so the broker drops that connection's consumers) while the client's side
/// stays open and silent, as after a network fault that no packet reports. The client notices only by its heartbeat,
/// a minute or more later. Connections made after the cut are forwarded as usual.
/// </summary>
public sealed class SeverableTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _upstream;
    private readonly ConcurrentDictionary<Task, (TcpClient Client, TcpClient Broker, CancellationTokenSource Pump)> _links = new();
    private readonly ConcurrentBag<TcpClient> _silenced = [];
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _accepting;

    public SeverableTcpProxy(IPEndPoint upstream)
    {
        _upstream = upstream;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections forwarded so far, the severed ones included.</summary>
    public int Accepted { get; private set; }

    /// <summary>Cuts every current connection on the broker's side only, and keeps the clients' side open without a word.</summary>
    public void Sever()
    {
        foreach (var (pumping, link) in _links.ToArray())
        {
            link.Pump.Cancel();
            link.Broker.Dispose();
            _silenced.Add(link.Client);
            _links.TryRemove(pumping, out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        foreach (var link in _links.Values)
        {
            link.Pump.Cancel();
            link.Broker.Dispose();
            link.Client.Dispose();
        }
        foreach (var client in _silenced)
        {
            client.Dispose();
        }
        _closing.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_closing.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_closing.Token);
            var broker = new TcpClient();
            await broker.ConnectAsync(_upstream, _closing.Token);
            Accepted++;
            var pump = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
            var link = (client, broker, pump);
            var pumping = PumpAsync(link);
            _links[pumping] = link;
        }
    }

    private async Task PumpAsync((TcpClient Client, TcpClient Broker, CancellationTokenSource Pump) link)
    {
        await Task.Yield();
        await Task.WhenAny(
            CopyAsync(link.Client.GetStream(), link.Broker.GetStream(), link.Pump.Token),
            CopyAsync(link.Broker.GetStream(), link.Client.GetStream(), link.Pump.Token));
        if (!link.Pump.IsCancellationRequested)
        {
            // Closed by one of its ends, not severed: the other end is told by its socket closing too.
            link.Broker.Dispose();
            link.Client.Dispose();
        }
    }

    private static async Task CopyAsync(NetworkStream from, NetworkStream to, CancellationToken ct)
    {
        try
        {
            await from.CopyToAsync(to, ct);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // The link was cut (on purpose, or by either end): the other direction ends with it or is silenced.
        }
    }
}
