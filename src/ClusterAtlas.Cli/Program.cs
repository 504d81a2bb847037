using ClusterAtlas.Cli;

return await AtlasCli.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
