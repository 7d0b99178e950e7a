package fakeecs

// The blank imports keep the module's dependencies in go.mod while the
// packages that use them are written.
import (
	_ "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	_ "github.com/alibabacloud-go/ecs-20140526/v7/client"
	_ "github.com/alibabacloud-go/tea/dara"
	_ "github.com/alibabacloud-go/vpc-20160428/v6/client"
	_ "github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	_ "github.com/google/go-cmp/cmp"
	_ "github.com/stretchr/testify/require"
	_ "go.uber.org/goleak"
	_ "go4.org/netipx"
	_ "pgregory.net/rapid"
)
