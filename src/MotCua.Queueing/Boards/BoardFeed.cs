using System.Collections.Concurrent;
using System.Threading.Channels;

namespace MotCua.Queueing.Boards;

/// <summary>
/// This node's boards, by centre: each connected board reads the states published for its centre. The node's
/// <see cref="BoardPolling"/> publishes a centre's new state when a change to its queue is committed, on this node
/// (woken at once) or another (found at its next poll).
/// </summary>
public sealed class BoardFeed
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Channel<string>>> boards = new();

    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>The centres with a board connected to this node.</summary>
    public IReadOnlyList<Guid> Centres => [.. boards.Where(b => !b.Value.IsEmpty).Select(b => b.Key)];

    public Subscription Subscribe(Guid centreId)
    {
        // A board that cannot keep up needs only the latest state.
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        var id = MotCua.Kernel.Ids.New();
        boards.GetOrAdd(centreId, _ => new()).TryAdd(id, channel);
        return new Subscription(channel.Reader, () =>
        {
            if (boards.TryGetValue(centreId, out var of))
            {
                of.TryRemove(id, out _);
            }
        });
    }

    /// <summary>A state as the boards receive it (JSON), made once for all the boards of its centre.</summary>
    public static string Frame(BoardState state) => System.Text.Json.JsonSerializer.Serialize(state, Json);

    public void Publish(Guid centreId, string frame)
    {
        if (boards.TryGetValue(centreId, out var of))
        {
            foreach (var channel in of.Values)
            {
                channel.Writer.TryWrite(frame);
            }
        }
    }

    /// <summary>A change was committed on this node: look now rather than at the next poll.</summary>
    public void Wake() => wake.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            await wake.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }

    public sealed class Subscription(ChannelReader<string> reader, Action dispose) : IDisposable
    {
        public ChannelReader<string> Reader => reader;

        public void Dispose() => dispose();
    }
}
