module github.com/transcript-cli/transcript

go 1.26.8
