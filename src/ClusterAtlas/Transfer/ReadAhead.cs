using System.Collections.Concurrent;

namespace ClusterAtlas.Transfer;

/// <summary>
/// Enumerates a source on another thread, a few batches ahead of the consumer, so that reading and parsing a file
/// (one core) overlaps with writing its rows into the database (the other): at 100k projects the import's write pass
/// spent about 6 of its 16 s parsing. The source's exception, if any, is thrown to the consumer after the items before
/// it; the source must not share mutable state with the consumer until the enumeration ends.
/// </summary>
internal static class ReadAhead
{
    private const int BatchSize = 512;
    private const int BatchesAhead = 8;

    public static IEnumerable<T> Of<T>(IEnumerable<T> source, CancellationToken ct)
    {
        using var queue = new BlockingCollection<List<T>>(BatchesAhead);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(() =>
        {
            var batch = new List<T>(BatchSize);
            try
            {
                foreach (var item in source)
                {
                    batch.Add(item);
                    if (batch.Count == BatchSize)
                    {
                        queue.Add(batch, stop.Token);
                        batch = new List<T>(BatchSize);
                    }
                }
            }
            finally
            {
                try
                {
                    // The items read before a failure reach the consumer too, then the failure.
                    if (batch.Count > 0 && !stop.IsCancellationRequested)
                    {
                        queue.Add(batch, stop.Token);
                    }
                }
                finally
                {
                    queue.CompleteAdding();
                }
            }
        }, stop.Token);
        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(stop.Token))
            {
                foreach (var item in batch)
                {
                    yield return item;
                }
            }
            // Rethrows what ended the source early (the queue completes either way).
            producer.GetAwaiter().GetResult();
        }
        finally
        {
            // A consumer that stops early (an exception in its loop) stops the producer too, and waits for it, so the
            // source's file is closed before the caller goes on.
            stop.Cancel();
            try
            {
                producer.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // Already thrown above, or the cancellation just requested.
            }
        }
    }
}
