using System.Runtime.InteropServices;
using Spotlight.Silo.Diagnostics;

namespace Spotlight.Tests.Unit.Diagnostics;

/// <summary>The soak's retained-memory probe reads the native allocator through <see cref="NativeHeap"/>;
/// these check it reads the real one (the test machines and the images run glibc).</summary>
[Collection(AloneCollection.Name)]
public sealed class NativeHeapTests
{
    [Fact]
    public void InUse_CountsWhatMallocHandedOutUntilItIsFreed()
    {
        Assert.True(OperatingSystem.IsLinux(), "the probe targets Linux with glibc, as the images do");
        const int size = 8 << 20;
        var before = NativeHeap.InUse();
        Assert.NotNull(before);

        // AllocHGlobal is malloc on Unix; touching the block is not needed for malloc to count it.
        var block = Marshal.AllocHGlobal(size);
        try
        {
            Assert.True(NativeHeap.InUse() - before >= size, $"in use went {before} → {NativeHeap.InUse()} after allocating {size} bytes");
        }
        finally
        {
            Marshal.FreeHGlobal(block);
        }

        Assert.True(NativeHeap.InUse() - before < size, "the freed block still counted as in use");
    }

    [Fact]
    public void Trim_GivesBackFreePagesThatFreeingAloneKeeps()
    {
        // Small blocks come from an arena; with the last one still held, the freed ones below it cannot be
        // returned by shrinking the heap, so malloc keeps them resident until it is asked to trim.
        var blocks = Enumerable.Range(0, 2_000).Select(_ => Marshal.AllocHGlobal(16 << 10)).ToList();
        try
        {
            foreach (var block in blocks[..^1])
            {
                Marshal.FreeHGlobal(block);
            }

            Assert.True(NativeHeap.Trim(), "malloc_trim released nothing although 32 MB had just been freed");
        }
        finally
        {
            Marshal.FreeHGlobal(blocks[^1]);
        }
    }
}
