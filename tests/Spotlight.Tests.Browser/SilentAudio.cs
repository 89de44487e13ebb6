namespace Spotlight.Tests.Browser;

/// <summary>A second of silence as a WAV file: what a track's audio address answers in the tests, so the browser
/// really plays something.</summary>
public static class SilentAudio
{
    /// <summary>One second of silence as an 8 kHz, 8-bit mono WAV file.</summary>
    public static byte[] Wav()
    {
        const int rate = 8000;
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + rate);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(rate);
        writer.Write(rate);
        writer.Write((short)1);
        writer.Write((short)8);
        writer.Write("data"u8);
        writer.Write(rate);
        writer.Write(Enumerable.Repeat((byte)128, rate).ToArray());
        writer.Flush();
        return stream.ToArray();
    }
}
