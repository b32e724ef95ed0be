module avtal

go 1.26.0

require go.yaml.in/yaml/v3 v3.0.6

require github.com/arran4/golang-ical v0.3.4
