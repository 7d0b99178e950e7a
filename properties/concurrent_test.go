package properties_test

import (
	"fmt"
	"sync"
	"testing"

	ecs "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/tea"
	"github.com/stretchr/testify/require"

	"github.com/ecsfake/ecsfake/fakeecs"
	"github.com/ecsfake/ecsfake/properties"
)

// TestConcurrentCalls hammers one fake from many goroutines with creates,
// describes and deletes on all vSwitches, and then checks every
// invariant. Run it with the race detector.
func TestConcurrentCalls(t *testing.T) {
	w := fakeecs.DefaultWorld()
	f := fakeecs.New(fakeecs.WithWorld(w),
		fakeecs.WithAddressPolicy(fakeecs.RandomFree))
	c := f.Client()
	vsw := []string{fakeecs.DefaultVSwitchH, fakeecs.DefaultVSwitchI,
		fakeecs.DefaultVSwitchSmall}
	var wg sync.WaitGroup
	errs := make(chan error, 16*40)
	for g := range 16 {
		wg.Go(func() {
			for i := range 40 {
				if err := hammer(c, vsw[(g+i)%len(vsw)], i); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	f.Settle()
	require.NoError(t, properties.Check(f, w))
	counts := map[fakeecs.Action]int{}
	for _, c := range f.Journal() {
		counts[c.Action]++
	}
	require.Equal(t, 16*40, counts[fakeecs.ActionCreateNetworkInterface])
	require.Equal(t, 16*40, counts[fakeecs.ActionDescribeNetworkInterfaces])
}

// hammer creates an ENI, describes the region, and deletes the ENI when
// the create succeeded (the small vSwitch runs dry) or an unknown one
// when it did not. It reports what went against expectation.
func hammer(c *fakeecs.Client, vsw string, i int) error {
	req := &ecs.CreateNetworkInterfaceRequest{
		RegionId:        tea.String(fakeecs.DefaultRegion),
		VSwitchId:       tea.String(vsw),
		SecurityGroupId: tea.String(fakeecs.DefaultSecurityGroup),
	}
	if i%2 == 0 {
		req.SecondaryPrivateIpAddressCount = tea.Int32(1)
	}
	resp, err := c.CreateNetworkInterface(req)
	if err != nil && !fakeecs.IsCode(err, "InvalidVSwitchId.IpNotEnough") {
		return fmt.Errorf("create: %w", err)
	}
	id := tea.String("eni-bp1none")
	if err == nil {
		id = resp.Body.NetworkInterfaceId
	}
	if _, err := c.DescribeNetworkInterfaces(
		&ecs.DescribeNetworkInterfacesRequest{
			RegionId: tea.String(fakeecs.DefaultRegion)}); err != nil {
		return fmt.Errorf("describe: %w", err)
	}
	if i%3 == 0 && tea.StringValue(id) != "eni-bp1none" {
		return nil // keep some ENIs
	}
	_, err = c.DeleteNetworkInterface(&ecs.DeleteNetworkInterfaceRequest{
		RegionId: tea.String(fakeecs.DefaultRegion), NetworkInterfaceId: id})
	if tea.StringValue(id) == "eni-bp1none" {
		if !fakeecs.IsCode(err, "InvalidEniId.NotFound") {
			return fmt.Errorf("delete of an unknown ENI: %v", err)
		}
		return nil
	}
	return err
}
