using System.Diagnostics;
using Spotlight.Tests.Infrastructure;

namespace Spotlight.Tests.Browser;

/// <summary>The browser libraries the pages serve from <c>wwwroot/lib</c> are exactly the packages pinned in
/// <c>client-api/web-libraries/package-lock.json</c>: installed with <c>npm ci</c> into a scratch copy and
/// compared file by file (<c>vendor.mjs --check</c>).</summary>
public class VendoredLibraryTests
{
    [Fact]
    public async Task ServedLibraries_AreTheLockedPackages()
    {
        var source = Path.Combine(RepositoryLayout.Root, "client-api", "web-libraries");
        var scratch = Directory.CreateTempSubdirectory("spotlight-web-libraries-");
        try
        {
            // The check resolves wwwroot/lib relative to its own folder, so the scratch copy sits where it would.
            var folder = Directory.CreateDirectory(Path.Combine(scratch.FullName, "client-api", "web-libraries")).FullName;
            foreach (var file in new[] { "package.json", "package-lock.json", "vendor.mjs" })
            {
                File.Copy(Path.Combine(source, file), Path.Combine(folder, file));
            }

            CopyDirectory(Path.Combine(RepositoryLayout.Root, "client-api", "wwwroot", "lib"), Path.Combine(scratch.FullName, "client-api", "wwwroot", "lib"));
            await RunAsync("npm", "ci --no-audit --no-fund", folder);
            await RunAsync("node", "vendor.mjs --check", folder);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static async Task RunAsync(string program, string arguments, string folder)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"This test needs {program}: install Node.js and npm (`apt-get install nodejs npm`; .ci/run does this).");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"{program} {arguments} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
    }
}
