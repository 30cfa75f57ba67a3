using MimeKit;

namespace MotCua.IntegrationTests;

/// <summary>The messages the loopback SMTP server received, read back with MimeKit; waits for the outbox worker.</summary>
public static class Mailbox
{
    public static IReadOnlyList<MimeMessage> Read(string directory)
    {
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(directory))
        {
            try
            {
                messages.Add(MimeMessage.Load(file));
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                // Still being written.
            }
        }

        return messages;
    }

    /// <summary>The messages matching, once there are at least <paramref name="count"/> of them (15 s at most).</summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitAsync(string directory, Func<MimeMessage, bool> match, int count = 1)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            var found = Read(directory).Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            await Task.Delay(100);
        }

        return [.. Read(directory).Where(match)];
    }

    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await read();
        for (var attempt = 0; attempt < 150 && !done(value); attempt++)
        {
            await Task.Delay(100);
            value = await read();
        }

        return value;
    }
}
